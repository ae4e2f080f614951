// Exports from the window: starts an ExportJob (a picture at any size, or the animation's frames
// and video) from the state, writes a few rows of it each frame within half of what is left of
// the budget, draws its progress window, and asks before a quit would cancel it.
#pragma once

#include <memory>
#include <string>

#include "app/actions.hpp"
#include "app/export_job.hpp"
#include "app/notices.hpp"
#include "gpu/engine.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::app {

class Exports {
public:
    explicit Exports(Notices& notices) : notices_(notices) {}
    // What draws the exports: the explorer's engine (gpu::choose_engine decided it), so an
    // export is drawn as the screen is.
    void set_engine(gpu::EngineKind kind) { engine_ = kind; }
    void start_picture(const ExplorerState& s);
    void start_animation(const ExplorerState& s);
    bool running() const { return job_ != nullptr; }
    // Writes for `budget_ms` and draws the progress window; says when the job ended.
    void step(double budget_ms);
    void cancel();
    // "Quit while exporting?": true when the person chose to cancel the export and quit; sets
    // `open` to false when they chose to keep exporting. An export that ends meanwhile leaves
    // the question open, saying how it ended: a question never closes on its own, so the next
    // Esc closes it rather than quitting.
    bool draw_quit_dialog(bool& open);

private:
    // Pictures of any size on the CPU engine's evaluator, or on the GPU with a renderer of its
    // own (so the explorer's picture keeps its network).
    RowRendererFactory rows();

    Notices& notices_;
    gpu::EngineKind engine_ = gpu::EngineKind::cpu;
    std::unique_ptr<ExportJob> job_;
    std::string outcome_;  // how the last job ended: "exported NAME", "export stopped: ..."
    std::unique_ptr<gpu::NetworkRenderer> export_renderer_;
};

}  // namespace primordial::app
