#include <doctest/doctest.h>

#include "app/live_control.hpp"

using namespace primordial;
using app::ExplorerState;
using app::LiveEffects;

namespace {

live::Value value_of(std::string address, std::vector<live::Arg> args) {
    const auto r = live::interpret({std::move(address), std::move(args), "127.0.0.1:5"});
    REQUIRE(std::holds_alternative<live::Value>(r));
    return std::get<live::Value>(r);
}

}  // namespace

TEST_CASE("live values set the state as the panel would, and say what they could not do") {
    ExplorerState s;
    s.params.network.widths = {20, 10};
    s.params.network.depth = 3;
    LiveEffects fx;
    app::apply_live(s, value_of("/primordial/seed", {std::int64_t{42}}), fx);
    app::apply_live(s, value_of("/primordial/scale", {0.9}), fx);
    app::apply_live(s, value_of("/primordial/depth", {std::int64_t{5}}), fx);
    app::apply_live(s, value_of("/primordial/center", {0.5, -0.25}), fx);
    app::apply_live(s, value_of("/primordial/activation", {std::string("relu")}), fx);
    app::apply_live(s, value_of("/primordial/view", {std::string("grid")}), fx);
    CHECK(s.params.network.seed == 42);
    CHECK(s.params.network.scale == doctest::Approx(0.9));
    CHECK(s.params.network.depth == 5);
    CHECK(s.params.network.widths == std::vector<int>{20, 10, 10, 10});  // per-layer lists follow
    CHECK(s.params.view.center_x == 0.5);
    CHECK(s.params.view.center_y == -0.25);
    CHECK(s.params.network.activations == std::vector{core::Activation::relu});
    CHECK(s.view.kind == core::ViewKind::grid);
    CHECK(fx.notes.empty());

    // A clamp, a view this network cannot show, the window's own effects.
    app::apply_live(s, value_of("/primordial/width", {std::int64_t{5000}}), fx);
    CHECK(s.params.network.widths == std::vector<int>{1024});
    s.params.network.outputs = 1;
    app::apply_live(s, value_of("/primordial/view", {std::string("channels")}), fx);
    CHECK(s.view.kind == core::ViewKind::grid);
    REQUIRE(fx.notes.size() == 2);
    CHECK(fx.notes[0] == "width: width 5000 is more than 1024: set to 1024");
    CHECK(fx.notes[1] == "view: channels needs a network with 3 outputs (RGB)");
    app::apply_live(s, value_of("/primordial/bookmark", {std::int64_t{3}}), fx);
    app::apply_live(s, value_of("/primordial/autopilot", {std::int64_t{1}}), fx);
    app::apply_live(s, value_of("/primordial/state", {}), fx);
    app::apply_live(s, value_of("/primordial/export", {}), fx);
    CHECK(fx.bookmark == 2u);
    CHECK(fx.autopilot == true);
    CHECK(fx.state_to == std::vector<std::string>{"127.0.0.1:5"});
    CHECK(s.requests.take() == std::vector{app::Request::export_picture});
}
