// Measures what a user feels in the explorer, per engine: while a slider is dragged (every frame
// changes the seed, so the weights are rebuilt, the picture restarts and one frame budget is spent
// on it, then presented into an offscreen framebuffer of the picture's size), and after one
// change, how long until the picture is sharp (time to full), frame by frame as the window runs
// them (the CPU engine's frames check back every 10 ms while its threads work).
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/params.hpp"
#include "core/sheet.hpp"
#include "gpu/engine.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::gpu {

struct InterfaceTimes {
    std::vector<double> frames;  // wall-clock ms of each frame while the seed changes
    double time_to_full_ms = 0;  // from one change to the full-resolution picture on screen
    double p95() const;
};

// Needs a current context. `warmup` frames are not counted (the first draw of a program includes
// the driver's one-time shader compile).
InterfaceTimes interface_times(NetworkRenderer& renderer, EngineKind engine,
                               const core::Params& base, int frames, double budget_ms,
                               int warmup = 3);

// The same for a view of several tiles (a sweep grid, the progression, ...): every frame lays the
// sheet out again for a new seed, draws its plot tiles with `plot` and spends the budget on the
// picture tiles.
using PlotMaker = std::function<std::vector<std::uint8_t>(const core::SheetTile&)>;
InterfaceTimes sheet_times(NetworkRenderer& renderer, EngineKind engine, const core::Params& base,
                           const core::ViewSpec& view, int frames, double budget_ms,
                           const PlotMaker& plot, int warmup = 3);

}  // namespace primordial::gpu
