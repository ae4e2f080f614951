#include <doctest/doctest.h>

#include "core/network.hpp"
#include "gpu/gl_fixture.hpp"
#include "gpu/interface_bench.hpp"
#include "gpu/progressive.hpp"

using namespace primordial;
using namespace primordial::gpu;
using namespace primordial::gpu::test;

namespace {
core::Params small(int w, int h) {
    core::Params p;
    p.network.depth = 6;
    p.network.widths = {12};
    p.network.init = core::Init::lecun;
    p.image_width = w;
    p.image_height = h;
    return p;
}
}  // namespace

TEST_CASE("progressive rendering ends with exactly the single full render") {
    REQUIRE_GL_CONTEXT();
    const core::Params p = small(97, 61);
    NetworkRenderer r;
    const core::Network net = core::build_network(p.network);
    r.set_network(net);
    r.set_view(p.view);
    ProgressiveRenderer prog(r);
    // A tiny budget forces many frames, small tiles and every level.
    prog.restart(p.image_width, p.image_height, net.multiply_adds() * 1000000, 0.01);
    int frames = 0;
    std::vector<std::uint8_t> rgb;
    CHECK_FALSE(prog.read_finished(rgb));
    while (prog.step(0.01)) {
        ++frames;
        REQUIRE(frames < 100000);
    }
    CHECK(frames > 3);
    const ProgressStatus st = prog.status();
    CHECK(st.done);
    CHECK(st.fraction == doctest::Approx(1.0));
    REQUIRE(st.full_ms);
    REQUIRE(prog.read_finished(rgb));
    CHECK(rgb == gpu_image(r, p));
    check_no_gl_errors();
}

TEST_CASE("a restart drops stale work; a cheap network appears in one frame") {
    REQUIRE_GL_CONTEXT();
    core::Params p = small(40, 30);
    NetworkRenderer r;
    core::Network net = core::build_network(p.network);
    r.set_network(net);
    r.set_view(p.view);
    ProgressiveRenderer prog(r);
    prog.restart(40, 30, net.multiply_adds(), 1000.0);
    CHECK_FALSE(prog.step(1000.0));  // all of it within one generous frame
    std::vector<std::uint8_t> first;
    REQUIRE(prog.read_finished(first));
    p.network.seed = 2;
    net = core::build_network(p.network);
    r.set_network(net);
    prog.restart(40, 30, net.multiply_adds(), 1000.0);
    std::vector<std::uint8_t> none;
    CHECK_FALSE(prog.read_finished(none));  // the old picture is not passed off as the new one
    CHECK_FALSE(prog.step(1000.0));
    std::vector<std::uint8_t> second;
    REQUIRE(prog.read_finished(second));
    CHECK(second == gpu_image(r, p));
    CHECK(second != first);
    check_no_gl_errors();
}

TEST_CASE("interface frames stay near the budget while the seed changes every frame") {
    REQUIRE_GL_CONTEXT();
    NetworkRenderer r;
    const auto times = interface_frame_times(r, small(64, 64), 5, 20.0);
    CHECK(times.size() == 5);
    for (double t : times) CHECK(t > 0.0);
    check_no_gl_errors();
}
