#include "gpu/interface_bench.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <optional>
#include <thread>

#include "gpu/cpu_engine.hpp"
#include "gpu/gl.hpp"
#include "gpu/progressive.hpp"
#include "gpu/sheet_renderer.hpp"

namespace primordial::gpu {

namespace {

using Clock = std::chrono::steady_clock;

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

double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Engines of the asked kind, all sharing one set of worker threads.
struct Engines {
    NetworkRenderer& renderer;
    EngineKind kind;
    std::unique_ptr<CpuWorkers> workers;
    std::unique_ptr<ProgressiveEngine> make() {
        if (kind == EngineKind::gpu) return std::make_unique<ProgressiveRenderer>(renderer);
        if (!workers) workers = std::make_unique<CpuWorkers>();
        return std::make_unique<CpuEngine>(*workers, renderer.presenter());
    }
};

// Runs frames until `done`, as the explorer's loop does: one change at the first (`change`), then
// `frame` each frame. While the CPU engine's threads work, the loop checks back every
// kCheckBackMs and draws a frame only when `collect` took in a changed picture (or every
// kRedrawMs). Returns the time to done.
template <class Change, class Frame, class Collect, class Done>
double until_done(EngineKind kind, Change change, Frame frame, Collect collect, Done done) {
    const auto t0 = Clock::now();
    change();
    frame(Clock::now());
    auto drawn = Clock::now();
    while (!done()) {
        if (kind == EngineKind::cpu) {
            std::this_thread::sleep_for(std::chrono::microseconds(static_cast<long>(kCheckBackMs * 1000)));
            if (!collect() && ms_since(drawn) < kRedrawMs) continue;
        }
        frame(Clock::now());
        drawn = Clock::now();
    }
    return ms_since(t0);
}

// Time to full is the median of a few changes: one alone swings with what else the machine does.
constexpr int kRepeats = 3;
template <class Measure>
double median_of(int n, Measure measure) {
    std::vector<double> t;
    for (int r = 0; r < n; ++r) t.push_back(measure(r));
    std::sort(t.begin(), t.end());
    return t[t.size() / 2];
}

}  // namespace

double InterfaceTimes::p95() const {
    if (frames.empty()) return 0;
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
}

InterfaceTimes sheet_times(NetworkRenderer& renderer, EngineKind kind, const core::Params& base,
                           const core::ViewSpec& view, int frames, double budget_ms,
                           const PlotMaker& plot, int warmup) {
    const int w = base.image_width, h = base.image_height;
    const Target target(w, h);
    Engines engines{renderer, kind, nullptr};
    SheetRenderer tiles(renderer, [&] { return engines.make(); });
    core::Params p = base;
    InterfaceTimes out;
    std::optional<core::Sheet> sheet;
    const auto lay_out = [&](std::uint64_t seed, Clock::time_point t0) {
        p.network.seed = seed;
        sheet = core::build_sheet(p, view, w, h);
        tiles.set_sheet(*sheet, std::max(1.0, budget_ms - ms_since(t0)));
        for (std::size_t i = 0; i < sheet->tiles.size(); ++i)
            if (sheet->tiles[i].content != core::TileContent::picture)
                tiles.set_plot(static_cast<int>(i), plot(sheet->tiles[i]));
    };
    const auto frame = [&](Clock::time_point t0) {
        tiles.step(std::max(1.0, budget_ms - ms_since(t0)));
        target.bind();
        tiles.present(0, 0, h);
        glFinish();
    };
    for (int f = 0; f < warmup + frames; ++f) {
        const auto t0 = Clock::now();
        lay_out(base.network.seed + static_cast<std::uint64_t>(f), t0);
        if (f < warmup && kind == EngineKind::gpu)  // the driver's one-time compile is not counted
            for (const core::SheetTile& t : sheet->tiles)
                if (t.content == core::TileContent::picture) {
                    renderer.set_network(t.network);
                    renderer.prepare();
                }
        frame(t0);
        if (f >= warmup) out.frames.push_back(ms_since(t0));
    }
    out.time_to_full_ms = median_of(kRepeats, [&](int r) {
        return until_done(
            kind, [&] { lay_out(base.network.seed + 1000 + r, Clock::now()); }, frame,
            [&] { return tiles.collect(); }, [&] { return tiles.status().done; });
    });
    return out;
}

InterfaceTimes interface_times(NetworkRenderer& renderer, EngineKind kind, const core::Params& base,
                               int frames, double budget_ms, int warmup) {
    const int w = base.image_width, h = base.image_height;
    const Target target(w, h);
    Engines engines{renderer, kind, nullptr};
    const std::unique_ptr<ProgressiveEngine> engine = engines.make();
    renderer.set_cache_bytes(0);
    core::Params p = base;
    core::Network net;
    InterfaceTimes out;
    const auto change = [&](std::uint64_t seed, Clock::time_point t0) {
        p.network.seed = seed;
        net = core::build_network(p.network);
        // Like the explorer, the frame's budget covers the host's work too.
        engine->restart({&net, p.view, p.colormap, w, h}, std::max(1.0, budget_ms - ms_since(t0)));
    };
    const auto frame = [&](Clock::time_point t0) {
        engine->step(std::max(1.0, budget_ms - ms_since(t0)));
        target.bind();
        engine->present(0, 0, w, h);
        glFinish();
    };
    for (int f = 0; f < warmup + frames; ++f) {
        const auto t0 = Clock::now();
        change(base.network.seed + static_cast<std::uint64_t>(f), t0);
        frame(t0);
        if (f >= warmup) out.frames.push_back(ms_since(t0));
    }
    out.time_to_full_ms = median_of(kRepeats, [&](int r) {
        return until_done(
            kind, [&] { change(base.network.seed + 1000 + r, Clock::now()); }, frame,
            [&] { return engine->collect(); }, [&] { return engine->status().done; });
    });
    return out;
}

}  // namespace primordial::gpu
