// Draws a core::Sheet (a sweep grid, the layer progression, a neuron grid, plots) in the
// explorer: every picture tile refines progressively like the main view, all tiles together
// level by level (every tile appears coarse at once, then all sharpen), within the frame budget.
// Plot tiles are pictures made on the host (src/plot) and shown as textures.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/views/sheet.hpp"
#include "gpu/engine.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/progressive.hpp"

namespace primordial::gpu {

// Makes an engine for one tile (all of a sheet's tiles use the same kind).
using EngineFactory = std::function<std::unique_ptr<ProgressiveEngine>()>;

class SheetRenderer {
public:
    SheetRenderer(NetworkRenderer& renderer, EngineFactory make_engine);
    // Another kind of engine for the tiles: they start again at the next set_sheet.
    void set_engine_factory(EngineFactory make_engine);
    static constexpr std::size_t kCacheBytes = 256u << 20;
    ~SheetRenderer();
    SheetRenderer(const SheetRenderer&) = delete;
    SheetRenderer& operator=(const SheetRenderer&) = delete;

    // Starts drawing `sheet` (kept by reference: it must outlive the renderer's use of it).
    // Tiles keep their last finished picture on screen until the new one is ready. `evaluators`
    // (one per tile, or empty) are the picture tiles' CPU evaluators, made beforehand.
    void set_sheet(const core::Sheet& sheet, double budget_ms,
                   const std::vector<std::shared_ptr<const core::Evaluator>>& evaluators = {});
    // The host-made RGB picture of plot tile `tile` (rect.w x rect.h).
    void set_plot(int tile, const std::vector<std::uint8_t>& rgb);
    // Renders picture tiles until the budget is spent. Returns true while work remains.
    bool step(double budget_ms);
    // Takes in what the tiles' threads finished; true when a tile's picture changed.
    bool collect();
    // Draws every tile with the sheet's top-left corner at (x, top) of a framebuffer `fb_height`
    // pixels high.
    void present(int x, int top, int fb_height);
    // The fraction of tile pixels finished, and whether all are.
    ProgressStatus status() const;
    // The finished full-resolution picture of picture tile `tile`, as RGB rows.
    bool read_tile(int tile, std::vector<std::uint8_t>& rgb) const;

private:
    struct Image;

    NetworkRenderer& renderer_;
    EngineFactory make_engine_;
    const core::Sheet* sheet_ = nullptr;
    std::vector<std::unique_ptr<ProgressiveEngine>> tiles_;  // one per tile, reused
    std::vector<std::unique_ptr<Image>> plots_;              // one per tile, made on demand
};

}  // namespace primordial::gpu
