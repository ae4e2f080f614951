// Measures the GPU renderer (not a test): shader compile time and ms per full frame.
// gpu_timing DEPTH WIDTH SIZE [init] [frames]   e.g. gpu_timing 18 30 1024 range 3
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/network.hpp"
#include "core/params.hpp"
#include "gpu/context.hpp"
#include "gpu/gl.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/timer.hpp"

using namespace primordial;

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: gpu_timing DEPTH WIDTH SIZE [init] [frames]\n");
        return 2;
    }
    core::NetworkParams n;
    n.depth = std::atoi(argv[1]);
    n.widths = {std::atoi(argv[2])};
    const int size = std::atoi(argv[3]);
    if (argc > 4) n.init = *core::parse_init(argv[4]);
    const int frames = argc > 5 ? std::atoi(argv[5]) : 3;
    auto made = gpu::Context::create();
    if (!made.context) {
        std::fprintf(stderr, "%s\n", made.error.c_str());
        return 1;
    }
    std::printf("%s\n", made.context->describe().c_str());
    const auto net = core::build_network(n);
    gpu::NetworkRenderer r;
    r.set_network(net);
    const double compile_ms = r.prepare();
    GLuint fbo, rb;
    glGenFramebuffers(1, &fbo);
    glGenRenderbuffers(1, &rb);
    glBindRenderbuffer(GL_RENDERBUFFER, rb);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, size, size);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, rb);
    // llvmpipe JIT-compiles the shader at the first draw: time a 1x1 draw on its own.
    const auto c0 = std::chrono::steady_clock::now();
    r.draw(1, 1, gpu::Tile{0, 0, 1, 1});
    glFinish();
    const double first_draw_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - c0).count();
    gpu::GpuTimer timer;
    double best = 1e30, worst = 0, best_gpu = 1e30;
    for (int f = 0; f < frames; ++f) {
        const auto t0 = std::chrono::steady_clock::now();
        timer.begin();
        r.draw(size, size, gpu::Tile{0, 0, size, size});
        timer.end();
        glFinish();
        const double ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        best = std::min(best, ms);
        worst = std::max(worst, ms);
        if (auto g = timer.ms()) best_gpu = std::min(best_gpu, *g);
    }
    std::printf("%dx%d at %dx%d: link %.0f ms, first 1x1 draw %.0f ms, frame %.0f-%.0f ms wall "
                "(best-worst of %d), %.0f ms GL_TIME_ELAPSED\n",
                n.depth, n.widths[0], size, size, compile_ms, first_draw_ms, best, worst, frames,
                best_gpu);
    return 0;
}
