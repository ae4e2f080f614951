#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "core/net/limits.hpp"
#include "gpu/gl.hpp"
#include "gpu/gl_fixture.hpp"
#include "gpu/network_source.hpp"
#include "gpu/program.hpp"
#include "gpu/render_target.hpp"
#include "share/shadertoy.hpp"

using namespace primordial;
using namespace primordial::gpu::test;

namespace {

// Draws a Shadertoy shader as Shadertoy would (its uniforms, mainImage per pixel) at w x h with
// the mouse at `mouse`; RGB rows from the top, like the CPU evaluator's.
std::vector<std::uint8_t> shadertoy_image(const std::string& glsl, int w, int h,
                                          const float mouse[4]) {
    const gpu::Program program("Shadertoy",
                               gpu::fullscreen_vertex_source(gpu::ShaderTarget::webgl2),
                               share::shadertoy_harness(glsl));
    const gpu::RenderTarget target(w, h);
    const gpu::VertexArray vao = gpu::VertexArray::create();
    target.bind();
    glBindVertexArray(vao.get());
    glViewport(0, 0, w, h);
    glUseProgram(program.id());
    // The two inputs the shader reads; Shadertoy's others are declared and rightly unused.
    glUniform3f(program.uniform("iResolution"), float(w), float(h), 1.0f);
    glUniform4f(program.uniform("iMouse"), mouse[0], mouse[1], mouse[2], mouse[3]);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    std::vector<std::uint8_t> rgb = target.read_rgb(0, 0, w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return rgb;
}

core::Params network(int depth, int width, int outputs = 3) {
    core::Params p;
    p.network.depth = depth;
    p.network.widths = {width};
    p.network.outputs = outputs;
    p.network.seed = 11;
    p.view.center_x = 0.3;
    p.view.center_y = -0.2;
    p.view.extent = 1.4;
    return p;
}

}  // namespace

TEST_CASE("a Shadertoy shader draws the CPU evaluator's picture, and the mouse drags it") {
    REQUIRE_GL_CONTEXT();
    const float still[4] = {0, 0, 0, 0};
    // Networks small enough for Mesa to compile quickly (27 x 30's 400 KB of constants takes it
    // minutes; glslangValidator checks that one, tests/share/shadertoy_glslang.sh).
    for (core::Params p : {network(8, 16), network(12, 30), network(5, 40), network(4, 12, 1)}) {
        CAPTURE(p.network.depth);
        CAPTURE(p.network.widths[0]);
        if (p.network.outputs == 1) p.colormap = core::ColorMap::magma;
        p.image_width = 96;
        p.image_height = 64;
        const std::string glsl = share::shadertoy_shader(p);
        const Agreement a = compare(shadertoy_image(glsl, 96, 64, still), cpu_image(p));
        CHECK(a.within >= 0.99);
        // A drag of (12, -8) pixels (Shadertoy: mouse at 52, 24 after a press at 40, 32) moves the
        // picture with the mouse: the view centre goes the other way.
        const float dragged[4] = {52, 24, -40, -32};
        core::Params moved = p;
        const double step = 2 * p.view.extent / 64;
        moved.view.center_x -= 12 * step;
        moved.view.center_y -= -8 * step;
        CHECK(compare(shadertoy_image(glsl, 96, 64, dragged), cpu_image(moved)).within >= 0.95);
    }
    check_no_gl_errors();
}

TEST_CASE("a network too large for Shadertoy's constants is refused with the limit") {
    core::Params p = network(14, 400);
    try {
        share::shadertoy_shader(p);
        FAIL("no error");
    } catch (const core::InputError& e) {
        const std::string m = e.what();
        CHECK(m.find("at most 16384 vec4 constants") != std::string::npos);
        CHECK(m.find("web page") != std::string::npos);
    }
    CHECK_NOTHROW(share::shadertoy_shader(network(40, 30)));  // the article's deepest figure fits
}
