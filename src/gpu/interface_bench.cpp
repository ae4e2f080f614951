#include "gpu/interface_bench.hpp"

#include <algorithm>
#include <chrono>

#include "gpu/gl.hpp"
#include "gpu/progressive.hpp"
#include "gpu/sheet_renderer.hpp"

#include <optional>

namespace primordial::gpu {

namespace {

// An offscreen colour target of the picture's size, for present().
class Target {
public:
    Target(int w, int h) {
        glGenRenderbuffers(1, &color_);
        glBindRenderbuffer(GL_RENDERBUFFER, color_);
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, w, h);
        glGenFramebuffers(1, &fbo_);
        glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    }
    ~Target() {
        glBindFramebuffer(GL_FRAMEBUFFER, 0);
        glDeleteFramebuffers(1, &fbo_);
        glDeleteRenderbuffers(1, &color_);
    }
    void bind() const { glBindFramebuffer(GL_FRAMEBUFFER, fbo_); }

private:
    GLuint fbo_ = 0, color_ = 0;
};

double ms_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

std::vector<double> sheet_frame_times(NetworkRenderer& renderer, const core::Params& base,
                                      const core::ViewSpec& view, int frames, double budget_ms,
                                      const PlotMaker& plot, int warmup) {
    const int w = base.image_width, h = base.image_height;
    const Target target(w, h);
    SheetRenderer tiles(renderer);
    core::Params p = base;
    std::vector<double> times;
    std::optional<core::Sheet> sheet;
    for (int f = 0; f < warmup + frames; ++f) {
        const auto t0 = std::chrono::steady_clock::now();
        p.network.seed = base.network.seed + static_cast<std::uint64_t>(f);
        sheet = core::build_sheet(p, view, w, h);
        tiles.set_sheet(*sheet, budget_ms);
        for (std::size_t i = 0; i < sheet->tiles.size(); ++i)
            if (sheet->tiles[i].content != core::TileContent::picture)
                tiles.set_plot(static_cast<int>(i), plot(sheet->tiles[i]));
        if (f < warmup)  // the driver's one-time compile of each tile's program is not counted
            for (const core::SheetTile& t : sheet->tiles)
                if (t.content == core::TileContent::picture) {
                    renderer.set_network(t.network);
                    renderer.prepare();
                }
        tiles.step(std::max(1.0, budget_ms - ms_since(t0)));
        target.bind();
        tiles.present(0, 0, h);
        glFinish();
        if (f >= warmup) times.push_back(ms_since(t0));
    }
    return times;
}

std::vector<double> interface_frame_times(NetworkRenderer& renderer, const core::Params& base,
                                          int frames, double budget_ms, int warmup) {
    const int w = base.image_width, h = base.image_height;
    const Target target(w, h);
    ProgressiveRenderer progressive(renderer);
    renderer.set_cache_bytes(0);
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
        progressive.step(std::max(1.0, budget_ms - ms_since(t0)));
        target.bind();
        progressive.present(0, 0, w, h);
        glFinish();
        if (f >= warmup) times.push_back(ms_since(t0));
    }
    return times;
}

}  // namespace primordial::gpu
