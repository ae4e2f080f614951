#include "gpu/interface_bench.hpp"

#include <algorithm>
#include <chrono>

#include "gpu/gl.hpp"
#include "gpu/progressive.hpp"

namespace primordial::gpu {

std::vector<double> interface_frame_times(NetworkRenderer& renderer, const core::Params& base,
                                          int frames, double budget_ms, int warmup) {
    const int w = base.image_width, h = base.image_height;
    GLuint fbo = 0, color = 0;
    glGenRenderbuffers(1, &color);
    glBindRenderbuffer(GL_RENDERBUFFER, color);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
    glGenFramebuffers(1, &fbo);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color);

    ProgressiveRenderer progressive(renderer);
    core::Params p = base;
    std::vector<double> times;
    for (int f = 0; f < warmup + frames; ++f) {
        const auto t0 = std::chrono::steady_clock::now();
        p.network.seed = base.network.seed + static_cast<std::uint64_t>(f);
        const core::Network net = core::build_network(p.network);
        renderer.set_network(net);
        renderer.set_view(p.view);
        progressive.restart(w, h, net.multiply_adds(), budget_ms);
        // Like the explorer, the frame's budget covers the host's work too.
        const double host_ms =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        progressive.step(std::max(1.0, budget_ms - host_ms));
        glBindFramebuffer(GL_FRAMEBUFFER, fbo);
        progressive.present(0, 0, w, h);
        glFinish();
        if (f < warmup) continue;
        times.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glDeleteFramebuffers(1, &fbo);
    glDeleteRenderbuffers(1, &color);
    return times;
}

}  // namespace primordial::gpu
