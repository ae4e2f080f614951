#include <doctest/doctest.h>

#include <cmath>

#include "app/presentation.hpp"
#include "core/eval/evaluate.hpp"

using namespace primordial;
using namespace primordial::app;

namespace {
core::Params base() {
    core::Params p;
    p.network.depth = 5;
    p.network.widths = {10};
    p.network.seed = 7;
    p.network.inputs = {core::Input::x, core::Input::y, core::Input::z};
    return p;
}

std::vector<float> weights(const core::Params& p) {
    std::vector<float> w;
    for (const auto& l : core::build_network(p.network).layers)
        w.insert(w.end(), l.weights.begin(), l.weights.end());
    return w;
}

double distance(const std::vector<float>& a, const std::vector<float>& b) {
    double d = 0;
    for (std::size_t i = 0; i < a.size(); ++i) d = std::max(d, double(std::abs(a[i] - b[i])));
    return d;
}
}  // namespace

TEST_CASE("the drift starts at the explorer's network") {
    const core::Params p = autopilot(base(), 0);
    CHECK(weights(p) == weights(base()));
    CHECK(p.view.extent == doctest::Approx(base().view.extent));
    CHECK(p.view.z == doctest::Approx(0));
}

TEST_CASE("the drift is smooth: a 30th of a second changes little, even across a leg's end") {
    const Autopilot a;
    for (double t : {1.0, 11.9, a.morph_seconds - 0.01, 2 * a.morph_seconds - 0.02, 100.0}) {
        CAPTURE(t);
        const core::Params p = autopilot(base(), t), q = autopilot(base(), t + 1.0 / 30);
        CHECK(distance(weights(p), weights(q)) < 0.02);
        CHECK(std::abs(std::log(p.view.extent / q.view.extent)) < 0.01);
        CHECK(std::abs(p.view.z - q.view.z) < 0.01);
        CHECK(std::abs(p.network.scale - q.network.scale) < 0.01);
    }
    // And it does move: after a whole leg the network is the next seed's.
    const core::Params next = autopilot(base(), a.morph_seconds);
    core::Params seed8 = base();
    seed8.network.seed = 8;
    seed8.network.scale = next.network.scale;
    CHECK(distance(weights(next), weights(seed8)) < 1e-6);
}
