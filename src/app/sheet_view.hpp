// The explorer's views of several tiles (sweep grid, layer progression, neuron grid, plots,
// height map): keeps the laid-out sheet in step with the state, draws it progressively within the
// frame budget, and turns the mouse into actions on the tiles.
#pragma once

#include <filesystem>
#include <future>
#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/pointer.hpp"
#include "core/views/sheet.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/sheet_renderer.hpp"

namespace primordial::app {

class SheetView {
public:
    SheetView(gpu::NetworkRenderer& renderer, gpu::EngineFactory make_engine)
        : renderer_(renderer), tiles_(renderer, std::move(make_engine)) {}
    // Another kind of engine for the tiles: the sheet is laid out and drawn again.
    void set_engine_factory(gpu::EngineFactory make_engine) {
        tiles_.set_engine_factory(std::move(make_engine));
        sheet_.reset();
    }

    // Lays the sheet out again when the parameters, the view or the picture size changed. The
    // layout (which builds every tile's network: 1.9 M weights for figure 15) runs on another
    // thread; the old sheet stays on screen until the new one is ready, and changes that come
    // meanwhile are coalesced into one more layout. On a view that cannot apply (e.g. a layer
    // the network lacks) says why in `message` and returns to the single picture.
    void update(ExplorerState& s, double budget_ms, std::string& message);
    bool step(double budget_ms) { return tiles_.step(budget_ms) || plotting(); }
    // Takes in what threads finished (tiles, slow plots) without drawing; true when any changed.
    bool collect() {
        const std::size_t pending = pending_.size();
        collect_plots();
        const bool tiles = tiles_.collect();  // always called: it takes in finished tiles
        return tiles || pending_.size() != pending;
    }
    void present(int x, int fb_height) { tiles_.present(x, 0, fb_height); }
    // The mouse over the sheet: hover, drag (pan a picture, turn a surface), wheel, click.
    void handle_mouse(ExplorerState& s, const Pointer& p);
    std::string status_text() const;
    // Each tile's caption on the tile (the swept value, the depth, the unit), drawn under the
    // panel and tooltips. `x`: where the picture starts, in window coordinates; `to_window`:
    // picture pixels to window coordinates.
    void draw_labels(float x, float to_window_x, float to_window_y) const;
    // The phase diagram's edge of chaos and marker, as in the saved figure.
    void draw_overlay(float x, float to_window_x, float to_window_y) const;
    // Plots that take long (the region map) are drawn on another thread: true while one is.
    bool plotting() const { return !pending_.empty(); }
    // Every tile finished at full resolution, every plot drawn.
    bool done() const { return sheet_ && !layout_.valid() && tiles_.status().done && !plotting(); }
    const core::Sheet* sheet() const { return sheet_ ? &*sheet_ : nullptr; }
    // The hovered tile's caption, or "".
    std::string hovered_label() const;
    // Writes the whole view as a PNG, like `primordial figure`: as laid out on screen, or laid
    // out again at width x height when those are set.
    void save(const ExplorerState& s, const std::filesystem::path& path, bool on_cpu, int width = 0,
              int height = 0);

private:
    void replot(int tile);
    void collect_plots();
    // A sheet laid out with its picture tiles' CPU evaluators, all made off the frame.
    struct Layout {
        core::Sheet sheet;
        std::vector<std::shared_ptr<const core::Evaluator>> evaluators;
    };
    void install(Layout layout, double budget_ms);
    bool current(const ExplorerState& s) const {
        return sheet_ && s.params == params_ && s.view == spec_;
    }

    gpu::NetworkRenderer& renderer_;
    gpu::SheetRenderer tiles_;
    std::optional<core::Sheet> sheet_;
    core::Params params_;  // what sheet_ was laid out for
    core::ViewSpec spec_;
    int hovered_ = -1, dragged_ = -1;
    struct PendingPlot {
        int tile;
        std::future<std::vector<std::uint8_t>> rgb;
    };
    std::vector<PendingPlot> pending_;
    // The layout in progress, and what it is for.
    std::future<Layout> layout_;
    core::Params layout_params_;
    core::ViewSpec layout_spec_;
};

}  // namespace primordial::app
