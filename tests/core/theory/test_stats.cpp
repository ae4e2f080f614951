#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>

#include "core/theory/stats.hpp"

using namespace primordial::core;

TEST_CASE("a wide network's measured q follows the mean-field theory") {
    // 5 layers of 800 tanh units, normal weights (LeCun, gain 1.5: sigma_w2 = 2.25). A single
    // network of this width wanders a few per cent from the infinite-width theory; averaged over
    // networks it follows it closely.
    Params p;
    p.network.depth = 6;
    p.network.widths = {800};
    p.network.distribution = Distribution::normal;
    p.network.init = Init::lecun;
    p.network.scale = 1.5;
    std::vector<double> ratio(5, 0.0);
    const int seeds = 4;
    for (int seed = 1; seed <= seeds; ++seed) {
        p.network.seed = static_cast<std::uint64_t>(seed);
        const NetworkStats s = network_stats(p, {16, 16, 64, 0});
        for (int l = 0; l < 5; ++l) {
            const LayerStats& ls = s.layers[static_cast<std::size_t>(l)];
            CAPTURE(seed);
            CAPTURE(l);
            CHECK(ls.q / ls.q_theory == doctest::Approx(1.0).epsilon(0.1));
            ratio[static_cast<std::size_t>(l)] += ls.q / ls.q_theory / seeds;
        }
    }
    for (double r : ratio) CHECK(r == doctest::Approx(1.0).epsilon(0.05));
}

TEST_CASE("linear regions of a hand-set relu network: three lines make seven") {
    // Hidden units turn on across x = 0, y = 0 and x + y = 0.5: three lines in general position,
    // every crossing inside [-1, 1]^2.
    Params p;
    p.network.depth = 2;
    p.network.widths = {3};
    p.network.activations = {Activation::relu};
    p.network.outputs = 1;
    p.network.set_weights = {{{1, 0, 0, 1, 1, 1}, {0, 0, -0.5f}}, {{1, 1, 1}, {0}}};
    const NetworkStats s = network_stats(p, {64, 64, 360, 1});
    REQUIRE(s.regions);
    CHECK(*s.regions == 7);
    // Moving the third line out of view leaves the four quadrants.
    p.network.set_weights[0].biases = {0, 0, -5};
    CHECK(*network_stats(p, {64, 64, 360, 1}).regions == 4);
    // tanh networks have none to count.
    p.network.activations = {Activation::tanh};
    CHECK(!network_stats(p, {8, 8, 16, 1}).regions);
    CHECK(regions_unavailable(p.network) ==
          "linear regions are counted for relu and leaky_relu hidden layers only");
}

TEST_CASE("a circle's image, saturated and dead units, as defined") {
    Params p;
    p.network.depth = 2;
    p.network.widths = {2};
    p.network.activations = {Activation::tanh};
    p.network.outputs = 1;
    p.view.extent = 2;
    // Unit 1 is x itself, scaled down (a line through the circle, never saturated); unit 2 sits
    // far in tanh's flat tail everywhere in view (dead).
    p.network.set_weights = {{{0.01f, 0, 0, 0}, {0, 10}}, {{1, 1}, {0}}};
    const NetworkStats s = network_stats(p, {32, 32, 20000, 1});
    CHECK(s.input_trajectory_length == doctest::Approx(2 * std::numbers::pi * 2).epsilon(1e-6));
    const LayerStats& h = s.layers[0];
    CHECK(h.saturated == doctest::Approx(0.5));
    CHECK(h.dead == doctest::Approx(0.5));
    // tanh(0.01 x) is nearly 0.01 x: the image goes along a line and back, length 4 * 0.01 * 2.
    CHECK(h.trajectory_length == doctest::Approx(4 * std::tanh(0.02)).epsilon(1e-4));
    const auto j = nlohmann::json::parse(stats_to_json(s));
    CHECK(j["format"] == "primordial-stats/1");
    CHECK(j["layers"].size() == 2);
    CHECK(j["regions"].is_null());
    CHECK(j["critical_scale"].is_null());  // hand-set weights have no scale to vary
}

TEST_CASE("stats of the default network: the numbers a user reads") {
    const NetworkStats s = network_stats(Params{}, {32, 32, 512, 0});
    REQUIRE(s.layers.size() == 27);
    REQUIRE(s.chi1);
    CHECK(*s.phase == phase_of(*s.chi1));
    REQUIRE(s.critical_scale);
    CHECK(*s.phase ==
          (Params{}.network.scale > *s.critical_scale ? Phase::chaotic : Phase::ordered));
    CHECK(s.layers[0].sigma_w2 == doctest::Approx(2 * 0.36 / 3));
    CHECK(s.layers[1].sigma_w2 == doctest::Approx(30 * 0.36 / 3));
    const std::string table = stats_to_table(s);
    CHECK(table.find("phase chaotic, chi1 ") == 0);
    CHECK(stats_to_csv(s).find("layer,activation,width,") == 0);
}

TEST_CASE("a chaotic verdict beside a smooth picture is explained, and only then") {
    StatsOptions small{32, 32, 512, 0};
    Params p;  // the default network: chaotic (chi1 about 1.3), busy at extent 1
    const NetworkStats busy = network_stats(p, small);
    REQUIRE(busy.phase == Phase::chaotic);
    CHECK(busy.layers.back().trajectory_length > kSmoothColourTravel);
    CHECK(verdict_note(busy).empty());
    p.view.extent = 0.01;  // zoomed far in: the same chaotic network looks smooth
    const NetworkStats zoomed = network_stats(p, small);
    CHECK(zoomed.layers.back().trajectory_length < kSmoothColourTravel);
    const std::string note = verdict_note(zoomed);
    CHECK(note.rfind("Chaotic, yet smooth here: chaos means two nearby points drift apart", 0) ==
          0);
    CHECK(note.find("Zoom out or add layers") != std::string::npos);
    p.view.extent = 0.01;
    p.network.scale = 0.3;  // ordered and smooth: nothing to explain
    const NetworkStats ordered = network_stats(p, small);
    REQUIRE(ordered.phase == Phase::ordered);
    CHECK(verdict_note(ordered).empty());
}
