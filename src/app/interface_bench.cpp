#include "app/interface_bench.hpp"

#include <algorithm>
#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "app/engines.hpp"
#include "app/frame_loop.hpp"
#include "app/picture_view.hpp"
#include "app/sheet_view.hpp"
#include "gpu/display.hpp"
#include "gpu/render_target.hpp"

namespace primordial::app {
namespace {

using Clock = std::chrono::steady_clock;

// A picture not full after this long is reported as such (figure 15's grid through the shader on
// a software rasteriser would take many minutes).
constexpr double kPatienceMs = 60'000;

// The window's frame without the window: the view follows the state within the budget and is
// presented into an offscreen target of the picture's size. Nothing but the seed changes.
class OffscreenFrames final : public FrameHost {
public:
    OffscreenFrames(gpu::NetworkRenderer& renderer, gpu::EngineKind kind, ExplorerState state,
                    double budget_ms)
        : engines_(renderer, kind),
          picture_(renderer, [this] { return engines_.make(); }),
          sheet_(renderer, [this] { return engines_.make(); }),
          target_(state.params.image_width, state.params.image_height),
          state_(std::move(state)),
          budget_ms_(budget_ms) {}

    void change_seed(std::uint64_t seed) {
        state_.params.network.seed = seed;
        changed_ = true;
        changed_at_ = Clock::now();
    }
    bool sheet_mode() const { return state_.view.kind != core::ViewKind::picture; }
    const SheetView& sheet() const { return sheet_; }
    // From the change (the network built, the engine restarted) to its first picture.
    std::optional<double> first_picture_ms() const {
        const auto first = picture_.engine().status().first_ms;
        if (sheet_mode() || !first) return std::nullopt;
        return restarted_ms_ + *first;
    }

    bool done() const override {
        return !changed_ && (full() || ms_since(changed_at_) > kPatienceMs);
    }
    bool full() const { return sheet_mode() ? sheet_.done() : picture_.done(); }
    void poll() override {}
    bool wait(double seconds) override {  // no events come: the whole wait passes
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
        return false;
    }
    bool collect() override { return sheet_mode() ? sheet_.collect() : picture_.collect(); }
    Wake frame() override {
        const auto t0 = Clock::now();
        std::string why;
        if (sheet_mode())
            sheet_.update(state_, budget_ms_, why);
        else
            picture_.update(state_, budget_ms_, why);
        if (!why.empty()) throw std::runtime_error(why);
        if (changed_) restarted_ms_ = ms_since(changed_at_);
        // Like the window, the frame's budget covers the host's work too.
        const double budget = std::max(1.0, budget_ms_ - ms_since(t0));
        const bool more = sheet_mode() ? sheet_.step(budget) : picture_.step(budget);
        target_.bind();
        const int w = state_.params.image_width, h = state_.params.image_height;
        if (sheet_mode())
            sheet_.present(0, h);
        else
            picture_.present(0, 0, w, h);
        gpu::finish_drawing();
        const bool threaded =
            engines_.kind() == gpu::EngineKind::cpu || (sheet_mode() && sheet_.plotting());
        return next_wake(std::exchange(changed_, false), more, threaded, false);
    }

private:
    Engines engines_;
    PictureView picture_;
    SheetView sheet_;
    gpu::RenderTarget target_;
    ExplorerState state_;
    double budget_ms_;
    bool changed_ = false;
    Clock::time_point changed_at_{};
    double restarted_ms_ = 0;
};

// Time to full is the median of a few changes: one alone swings with what else the machine does.
constexpr int kRepeats = 3;
// Frames come at a display's pace, as behind a window's vsync: work handed to other threads
// (a sheet's layout, the CPU engine's bands) has the time between frames it has there.
constexpr double kFramePeriodMs = 1000.0 / 60;

}  // namespace

double InterfaceTimes::p95() const {
    if (frames.empty()) return 0;
    std::vector<double> sorted = frames;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, sorted.size() * 95 / 100)];
}

InterfaceTimes interface_times(gpu::NetworkRenderer& renderer, gpu::EngineKind kind,
                               const core::Params& base, const core::ViewSpec& view, int frames,
                               double budget_ms, int warmup) {
    ExplorerState state;
    state.params = base;
    state.view = view;
    OffscreenFrames host(renderer, kind, state, budget_ms);
    InterfaceTimes out;
    for (int f = 0; f < warmup + frames; ++f) {
        const auto t0 = Clock::now();
        host.change_seed(base.network.seed + static_cast<std::uint64_t>(f));
        host.frame();
        if (f < warmup && kind == gpu::EngineKind::gpu && host.sheet().sheet())
            // Tiles of other widths use other programs: their compile is not counted either.
            for (const core::SheetTile& t : host.sheet().sheet()->tiles)
                if (t.content == core::TileContent::picture) {
                    renderer.set_network(t.network);
                    renderer.prepare();
                }
        const double ms = ms_since(t0);
        if (f >= warmup) out.frames.push_back(ms);
        if (ms < kFramePeriodMs)
            std::this_thread::sleep_for(
                std::chrono::duration<double, std::milli>(kFramePeriodMs - ms));
    }
    std::vector<double> full, first;
    for (int r = 0; r < kRepeats; ++r) {
        const auto t0 = Clock::now();
        host.change_seed(base.network.seed + 1000 + static_cast<std::uint64_t>(r));
        run_frames(host);
        full.push_back(ms_since(t0));
        // The engine times its first picture on a clock of its own: where that picture was
        // already the full one, the two readings can differ by a few microseconds either way.
        first.push_back(std::min(host.first_picture_ms().value_or(0), full.back()));
        if (!host.full()) {
            out.reached_full = false;
            break;
        }
    }
    std::sort(full.begin(), full.end());
    std::sort(first.begin(), first.end());
    out.time_to_full_ms = full[full.size() / 2];
    out.first_picture_ms = first[first.size() / 2];
    return out;
}

}  // namespace primordial::app
