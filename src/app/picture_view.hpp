// The explorer's single picture, the twin of SheetView: keeps the engine's picture in step with
// the state (the network rebuilt only when its own parameters change), refines it within the
// frame budget, previews the animation frame by frame, turns the mouse into zoom and pan, and
// saves what it shows.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "app/actions.hpp"
#include "app/pointer.hpp"
#include "core/net/network.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/sheet_renderer.hpp"

namespace primordial::app {

class PictureView {
public:
    PictureView(gpu::NetworkRenderer& renderer, gpu::EngineFactory make_engine);
    // Another kind of engine: the picture starts again on it.
    void set_engine_factory(gpu::EngineFactory make_engine);

    // The state's picture, or the previewed frame of its animation, which moves on whenever the
    // last one is finished. An animation that cannot apply stops previewing, saying why in
    // `message`.
    void update(ExplorerState& s, double budget_ms, std::string& message);
    // Shows exactly `p` (presentation mode's drift, the bench): restarts only when it changed.
    void show(const core::Params& p, double budget_ms);
    bool step(double budget_ms) { return engine_->step(budget_ms); }
    bool collect() { return engine_->collect(); }
    // Whether the remaining work happens on threads between frames.
    bool threaded() const { return engine_->works_between_frames(); }
    void present(int x, int y, int w, int h) { engine_->present(x, y, w, h); }
    // Zoom about the cursor with the wheel, pan by dragging, recentre with a double click.
    void handle_mouse(ExplorerState& s, const Pointer& p) const;
    std::string status_text() const;
    bool done() const { return engine_->status().done; }
    gpu::ProgressiveEngine& engine() { return *engine_; }
    const gpu::ProgressiveEngine& engine() const { return *engine_; }
    // Writes `shot` as a PNG with its parameters: the finished picture on screen when it is the
    // same, else rendered afresh (on the CPU when the CPU engine draws the screen).
    void save(const core::Params& shot, const std::filesystem::path& path, bool on_cpu);

private:
    gpu::NetworkRenderer& renderer_;
    gpu::EngineFactory make_engine_;
    std::unique_ptr<gpu::ProgressiveEngine> engine_;
    std::optional<core::Network> network_;
    core::NetworkParams built_for_;
    core::Params shown_;
    int preview_frame_ = 0;
};

}  // namespace primordial::app
