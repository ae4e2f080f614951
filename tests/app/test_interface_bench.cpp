#include <doctest/doctest.h>

#include <algorithm>

#include "app/interface_bench.hpp"
#include "core/io/preset.hpp"
#include "gpu/gl_fixture.hpp"

using namespace primordial;
using gpu::EngineKind;

namespace {

core::Params small(int w, int h) {
    core::Params p;
    p.network.depth = 6;
    p.network.widths = {12};
    p.image_width = w;
    p.image_height = h;
    return p;
}

}  // namespace

TEST_CASE(
    "the bench runs the window's frames on both engines: every frame counted, the picture "
    "reached") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    for (EngineKind e : {EngineKind::gpu, EngineKind::cpu}) {
        CAPTURE(static_cast<int>(e));
        const app::InterfaceTimes t = app::interface_times(r, e, small(64, 64), {}, 5, 20.0);
        CHECK(t.frames.size() == 5);
        CHECK(t.p95() >= *std::min_element(t.frames.begin(), t.frames.end()));
        CHECK(t.p95() <= *std::max_element(t.frames.begin(), t.frames.end()));
        // Reaching the full picture takes at least one frame and ends: the loop stopped.
        CHECK(t.time_to_full_ms > 0);
        CHECK(t.reached_full);
        // The first picture comes no later than the full one.
        CHECK(t.first_picture_ms > 0);
        CHECK(t.first_picture_ms <= t.time_to_full_ms);
    }
    gpu::test::check_no_gl_errors();
}

TEST_CASE("the bench runs a view of several tiles to the end, plots included") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    const core::Preset& preset = *core::find_preset("layers-unfolding");
    core::Params p = preset.params;
    p.image_width = 320;
    p.image_height = 200;
    for (EngineKind e : {EngineKind::gpu, EngineKind::cpu}) {
        const app::InterfaceTimes t = app::interface_times(r, e, p, preset.view, 2, 20.0, 1);
        CHECK(t.frames.size() == 2);
        CHECK(t.time_to_full_ms > 0);
    }
    gpu::test::check_no_gl_errors();
}
