// The GPU renderer against the CPU evaluator (the ground truth), tiling, levels and state.
#include <doctest/doctest.h>

#include <string>
#include <type_traits>

#include "core/eval/evaluate.hpp"
#include "gpu/error.hpp"
#include "gpu/gl.hpp"
#include "gpu/gl_fixture.hpp"
#include "gpu/gpu_row_renderer.hpp"
#include "gpu/network_source.hpp"
#include "gpu/program.hpp"
#include "gpu/render_target.hpp"
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

// An offscreen target of w x h, cleared and bound, to draw into and read back.
gpu::RenderTarget bound_target(int w, int h) {
    gpu::RenderTarget t(w, h);
    t.bind();
    glClearColor(0, 0, 0, 0);
    glClear(GL_COLOR_BUFFER_BIT);
    return t;
}

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

// How closely chaotic networks agree with the CPU is measured, not asserted (gpu_timing
// --chaotic prints it): rounding differences grow through their layers. What does hold is that
// the GPU computes each pixel alone: tiles, bands and levels give the same bytes however small
// the differences grow.
TEST_CASE("chaotic networks: the GPU's picture does not depend on tiles, bands or levels") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    for (auto [depth, width, w, h] : {std::array{40, 30, 64, 64}, std::array{14, 400, 48, 32}}) {
        CAPTURE(depth);
        CAPTURE(width);
        core::Params p = params(depth, width, w, h);
        p.network.init = Init::range;
        p.network.scale = 1.0;
        const auto whole = gpu_image(r, p);
        CHECK(gpu_image(r, p, 13, 5) == whole);
        const gpu::RenderTarget t = bound_target(w / 2, h / 2);
        r.draw(w, h, gpu::Tile{0, 0, w / 2, h / 2}, 1);
        const auto half = t.read_rgb(0, 0, w / 2, h / 2);
        for (int j = 0; j < h / 2; ++j)
            for (int i = 0; i < w / 2; ++i)
                for (int c = 0; c < 3; ++c)
                    REQUIRE(half[(j * (w / 2) + i) * 3 + c] == whole[(2 * j * w + 2 * i) * 3 + c]);
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
    const gpu::RenderTarget t = bound_target(100, 80);
    r.draw(75, 53, gpu::Tile{10, 20, 30, 25}, 0, 5, 7);
    const auto tile = t.read_rgb(5, 7, 30, 25);
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
        const gpu::RenderTarget t = bound_target(lw, lh);
        r.draw(70, 50, gpu::Tile{0, 0, lw, lh}, level);
        const auto img = t.read_rgb(0, 0, lw, lh);
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

// The compile times themselves are measured by gpu_timing --buckets, not here.
TEST_CASE("one program per width bucket, linked once; the GPU timer reads a time") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    const gpu::RenderTarget t = bound_target(64, 64);
    for (int width : {30, 60, 120, 250, 500, 1000}) {
        CAPTURE(width);
        core::NetworkParams n;
        n.depth = 2;
        n.widths = {width};
        r.set_network(core::build_network(n));
        CHECK(r.prepare() > 0.0);   // links (every uniform the renderer sets is found)
        CHECK(r.prepare() == 0.0);  // and only once
        r.draw(1, 1, gpu::Tile{0, 0, 1, 1});
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
    CHECK_THROWS_WITH_AS(r.draw(8, 8, gpu::Tile{4, 0, 8, 8}), "tile outside the image", gpu::Error);
    gpu::test::check_no_gl_errors();
}

TEST_CASE("a uniform a program does not have is reported, naming it and the program") {
    REQUIRE_GL_CONTEXT();
    // Declared but unused: the GLSL compiler may remove it, so it is asked for as optional.
    const std::string fragment = gpu::present_fragment_source() + "uniform float u_unused;\n";
    const gpu::Program p("present", gpu::fullscreen_vertex_source(gpu::ShaderTarget::gl33),
                         fragment);
    CHECK(p.name() == "present");
    CHECK(p.uniform("u_scale") >= 0);
    try {
        p.uniform("u_scael");  // misspelt
        FAIL("a misspelt uniform went unnoticed");
    } catch (const gpu::Error& e) {
        const std::string m = e.what();
        CAPTURE(m);
        CHECK(m.find("\"u_scael\"") != std::string::npos);
        CHECK(m.find("present") != std::string::npos);
    }
    CHECK(p.optional_uniform("u_scael") == -1);
    CHECK(p.optional_uniform("u_scale") == p.uniform("u_scale"));
    if (p.optional_uniform("u_unused") == -1) CHECK_THROWS_AS(p.uniform("u_unused"), gpu::Error);
    gpu::test::check_no_gl_errors();
}

TEST_CASE("a render target reads back RGB rows top first, into any row stride") {
    REQUIRE_GL_CONTEXT();
    gpu::RenderTarget t(5, 3);
    CHECK(t.width() == 5);
    CHECK(t.height() == 3);
    t.bind();
    glViewport(0, 0, 5, 3);
    glClearColor(0, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glEnable(GL_SCISSOR_TEST);
    glScissor(0, 2, 5, 1);  // GL's top row: the image's row 0
    glClearColor(1, 0, 0, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glScissor(4, 0, 1, 1);  // bottom right
    glClearColor(0, 0, 1, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    const auto rgb = t.read_rgb(0, 0, 5, 3);
    REQUIRE(rgb.size() == 5 * 3 * 3);
    for (int i = 0; i < 5; ++i) CHECK(rgb[i * 3] == 255);  // row 0 red
    CHECK(rgb[(2 * 5 + 4) * 3 + 2] == 255);                // last row's last pixel blue
    CHECK(rgb[(2 * 5 + 3) * 3 + 2] == 0);
    // Into a wider image: a 2 x 2 corner lands at its place, the rest untouched.
    std::vector<std::uint8_t> wide(7 * 2 * 3, 9);
    t.read_rgb(3, 0, 2, 2, wide.data() + 3, 7 * 3);
    CHECK(wide[0] == 9);
    CHECK(wide[3 + 3 + 2] == 0);            // row 0 (GL row 1), second pixel: black
    CHECK(wide[7 * 3 + 3 + 3 + 2] == 255);  // row 1 (GL row 0), second pixel: blue
    CHECK(wide[7 * 3 + 3 + 6] == 9);
    CHECK(t.texture() == 0);  // a renderbuffer
    // It grows, never shrinks: to the size asked, or with slack by a quarter.
    gpu::RenderTarget g(40, 40, gpu::RenderTarget::Colour::texture);
    CHECK(g.texture() != 0);
    g.reserve(30, 30);
    CHECK((g.width() == 40 && g.height() == 40));
    g.reserve(41, 10, gpu::RenderTarget::Growth::slack);
    CHECK((g.width() == 50 && g.height() == 50));
    g.reserve(60, 50);
    CHECK((g.width() == 60 && g.height() == 50));
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    gpu::test::check_no_gl_errors();
}

static_assert(!std::is_copy_constructible_v<gpu::Texture> &&
              !std::is_copy_assignable_v<gpu::Texture>);
static_assert(std::is_nothrow_move_constructible_v<gpu::Texture>);

TEST_CASE("a GL handle is the one owner of its object: moved, never copied, deleted once") {
    REQUIRE_GL_CONTEXT();
    gpu::Texture a = gpu::Texture::create();
    const unsigned id = a.get();
    glBindTexture(GL_TEXTURE_2D, id);  // a name becomes a texture when first bound
    glBindTexture(GL_TEXTURE_2D, 0);
    REQUIRE(glIsTexture(id));
    gpu::Texture b = std::move(a);
    CHECK_FALSE(a);
    CHECK(b.get() == id);
    {
        gpu::Texture c;
        c = std::move(b);
        CHECK(c.get() == id);
        CHECK(glIsTexture(id));
    }
    CHECK_FALSE(glIsTexture(id));  // deleted with its last owner
    gpu::test::check_no_gl_errors();
}
