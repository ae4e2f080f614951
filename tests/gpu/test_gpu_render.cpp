// The GPU renderer against the CPU evaluator (the ground truth), tiling, levels and state.
#include <doctest/doctest.h>

#include <chrono>
#include <cstdio>

#include "core/evaluate.hpp"
#include "gpu/error.hpp"
#include "gpu/gl.hpp"
#include "gpu/gl_fixture.hpp"
#include "gpu/gpu_row_renderer.hpp"
#include "gpu/timer.hpp"
#include "gpu/weight_layout.hpp"

using namespace primordial;
using core::Activation;
using core::Init;
using core::Input;
using gpu::test::compare;
using gpu::test::cpu_image;
using gpu::test::gpu_image;

namespace {

core::Params params(int depth, int width, int w = 64, int h = 64) {
    core::Params p;
    p.network.depth = depth;
    p.network.widths = {width};
    p.image_width = w;
    p.image_height = h;
    return p;
}

// Reads back a w x h RGBA region of the bound framebuffer as RGB rows, top row first.
std::vector<std::uint8_t> read_rgb(int x, int y, int w, int h) {
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4), rgb;
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    for (int r = h - 1; r >= 0; --r)
        for (int i = 0; i < w; ++i)
            for (int c = 0; c < 3; ++c) rgb.push_back(rgba[(static_cast<std::size_t>(r) * w + i) * 4 + c]);
    return rgb;
}

// An RGBA8 framebuffer object of the given size, bound while it lives.
struct Target {
    GLuint fbo = 0, rb = 0;
    Target(int w, int h) {
        glGenFramebuffers(1, &fbo);
        glGenRenderbuffers(1, &rb);
        glBindRenderbuffer(GL_RENDERBUFFER, rb);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
        REQUIRE(glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE);
        glClearColor(0, 0, 0, 0);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    ~Target() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteRenderbuffers(1, &rb);
        glDeleteFramebuffers(1, &fbo);
    }
};

}  // namespace

TEST_CASE("GPU renders agree with the CPU evaluator") {
    REQUIRE_GL_CONTEXT();
    struct Case {
        const char* name;
        core::Params p;
    };
    std::vector<Case> cases;
    for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::relu,
                         Activation::leaky_relu, Activation::elu, Activation::softplus,
                         Activation::sin, Activation::gaussian, Activation::identity}) {
        core::Params p = params(6, 16);
        p.network.activations = {a};
        p.network.init = Init::lecun;
        p.network.scale = 2.0;
        p.network.seed = 7 + static_cast<int>(a);
        cases.push_back({"hidden activation", p});
        core::Params q = params(3, 8, 48, 40);
        q.network.output_activation = a;
        q.network.seed = 100 + static_cast<int>(a);
        cases.push_back({"output activation", q});
    }
    cases.push_back({"depth 1", params(1, 30)});
    cases.push_back({"default range init, depth 8", params(8, 30, 96, 64)});
    {
        core::Params p = params(40, 30, 64, 48);
        p.network.init = Init::lecun;
        cases.push_back({"40x30 lecun", p});
    }
    {
        core::Params p = params(14, 400, 48, 32);
        p.network.init = Init::glorot;
        cases.push_back({"14x400 glorot", p});
    }
    {
        core::Params p = params(3, 400, 64, 48);
        p.network.init = Init::lecun;
        p.network.activations = {Activation::relu};
        cases.push_back({"3x400 relu lecun", p});
    }
    {
        core::Params p = params(10, 30, 128, 96);
        p.network.outputs = 1;
        cases.push_back({"one output (grey)", p});
    }
    {
        core::Params p = params(8, 20);
        p.network.inputs = {Input::x, Input::y, Input::r, Input::z};
        p.view.z = 0.5;
        p.view.center_x = 0.3;
        p.view.center_y = -0.7;
        p.view.extent = 2.0;
        cases.push_back({"inputs x, y, r, z", p});
    }
    {
        core::Params p = params(6, 12);
        p.network.inputs = {Input::r, Input::z};
        p.view.z = -1.0;
        cases.push_back({"inputs r, z", p});
    }
    {
        core::Params p = params(12, 30, 80, 60);
        p.view.center_x = 10000.25;
        p.view.center_y = -10000.25;
        p.view.extent = 0.001;
        p.network.inputs = {Input::x, Input::y, Input::r};
        cases.push_back({"far centre, tiny extent", p});
    }
    {
        core::Params p = params(5, 30);
        p.network.widths = {30, 7, 64, 3};
        p.network.activations = {Activation::tanh, Activation::sin, Activation::relu,
                                 Activation::softplus};
        p.network.distribution = core::Distribution::normal;
        p.network.init = Init::he;
        cases.push_back({"per-layer widths and activations, normal, he", p});
    }

    gpu::NetworkRenderer r;
    for (const Case& c : cases) {
        CAPTURE(c.name);
        CAPTURE(c.p.network.depth);
        CAPTURE(c.p.network.widths.front());
        const auto g = compare(cpu_image(c.p), gpu_image(r, c.p));
        CAPTURE(g.max_diff);
        CHECK(g.within >= 0.995);
        gpu::test::check_no_gl_errors();
    }
    // Every width above falls in at most three buckets; nothing compiled per network.
    CHECK(r.programs_compiled() <= 4);
}

TEST_CASE("chaotic networks: agreement measured, not asserted") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    for (auto [depth, width, w, h] : {std::array{40, 30, 64, 64}, std::array{14, 400, 48, 32}}) {
        const core::Params p = params(depth, width, w, h);  // range init, scale 1
        const auto g = compare(cpu_image(p), gpu_image(r, p));
        MESSAGE(depth << "x" << width << " range 1 at " << w << "x" << h << ": "
                      << g.within * 100 << "% of pixels within 2/255, max difference "
                      << g.max_diff);
    }
    gpu::test::check_no_gl_errors();
}

TEST_CASE("tiles and bands give the single render, byte for byte") {
    REQUIRE_GL_CONTEXT();
    core::Params p = params(9, 24, 75, 53);
    p.network.inputs = {Input::x, Input::y, Input::r};
    gpu::NetworkRenderer r;
    const auto whole = gpu_image(r, p);
    CHECK(gpu_image(r, p, 16, 7) == whole);
    CHECK(gpu_image(r, p, 13, 53) == whole);
    CHECK(gpu_image(r, p, 1024, 1) == whole);

    // draw() of a tile lands at the requested framebuffer position.
    Target t(100, 80);
    r.draw(75, 53, gpu::Tile{10, 20, 30, 25}, 0, 5, 7);
    const auto tile = read_rgb(5, 7, 30, 25);
    for (int j = 0; j < 25; ++j)
        for (int i = 0; i < 30; ++i)
            for (int c = 0; c < 3; ++c)
                REQUIRE(tile[(j * 30 + i) * 3 + c] == whole[((20 + j) * 75 + 10 + i) * 3 + c]);
    gpu::test::check_no_gl_errors();
}

TEST_CASE("a reduced level samples exactly the full image's pixels") {
    REQUIRE_GL_CONTEXT();
    core::Params p = params(7, 20, 70, 50);
    gpu::NetworkRenderer r;
    const auto full = gpu_image(r, p);
    for (int level : {1, 2, 3}) {
        CAPTURE(level);
        const int lw = gpu::NetworkRenderer::level_size(70, level);
        const int lh = gpu::NetworkRenderer::level_size(50, level);
        Target t(lw, lh);
        r.draw(70, 50, gpu::Tile{0, 0, lw, lh}, level);
        const auto img = read_rgb(0, 0, lw, lh);
        for (int j = 0; j < lh; ++j)
            for (int i = 0; i < lw; ++i)
                for (int c = 0; c < 3; ++c)
                    REQUIRE(img[(j * lw + i) * 3 + c] ==
                            full[((j << level) * 70 + (i << level)) * 3 + c]);
    }
    gpu::test::check_no_gl_errors();
}

TEST_CASE("view and network changes: uploads, no recompiles") {
    REQUIRE_GL_CONTEXT();
    core::Params a = params(8, 30);
    core::Params b = a;
    b.view.center_x = 0.75;
    b.view.extent = 0.3;
    gpu::NetworkRenderer r1, r2;
    gpu_image(r1, a);
    const auto moved = gpu_image(r1, b);  // set_view after the weights: refolds only
    CHECK(moved == gpu_image(r2, b));
    CHECK(compare(moved, cpu_image(b)).within >= 0.995);

    // Depth, width within a bucket, activation, scale and seed reuse the compiled program.
    const double first = r1.prepare();
    CHECK(first == 0.0);
    for (int k = 0; k < 4; ++k) {
        core::Params c = a;
        c.network.depth = 3 + 5 * k;
        c.network.widths = {20 + 3 * k};
        c.network.activations = {k % 2 ? Activation::sin : Activation::elu};
        c.network.init = Init::lecun;  // not chaotic, so CPU and GPU can agree
        c.network.scale = 0.5 + 0.25 * k;
        c.network.seed = 1000 + k;
        CHECK(compare(gpu_image(r1, c), cpu_image(c)).within >= 0.995);
    }
    CHECK(r1.programs_compiled() == 1);
    gpu::test::check_no_gl_errors();
}

TEST_CASE("compile time per width bucket and GPU timer") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    Target t(64, 64);
    for (int width : {30, 60, 120, 250, 500, 1000}) {
        core::NetworkParams n;
        n.depth = 2;
        n.widths = {width};
        r.set_network(core::build_network(n));
        // llvmpipe compiles the GLSL at link time and the machine code at the first draw.
        const auto start = std::chrono::steady_clock::now();
        const double link_ms = r.prepare();
        r.draw(1, 1, gpu::Tile{0, 0, 1, 1});
        glFinish();
        const double total =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
        MESSAGE("width bucket " << gpu::width_bucket(width) << ": link " << link_ms
                                << " ms, link + first draw " << total << " ms");
    }
    CHECK(r.programs_compiled() == 6);
    gpu::GpuTimer timer;
    if (timer.supported()) {
        timer.begin();
        r.draw(64, 64, gpu::Tile{0, 0, 64, 64});
        timer.end();
        const auto ms = timer.ms();
        REQUIRE(ms.has_value());
        CHECK(*ms >= 0.0);
    }
    gpu::test::check_no_gl_errors();
}

TEST_CASE("misuse is a clear gpu::Error") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    CHECK_THROWS_AS(r.draw(8, 8, gpu::Tile{0, 0, 8, 8}), gpu::Error);
    r.set_network(core::build_network(core::NetworkParams{}));
    CHECK_THROWS_WITH_AS(r.draw(8, 8, gpu::Tile{4, 0, 8, 8}), "tile outside the image",
                         gpu::Error);
    gpu::test::check_no_gl_errors();
}
