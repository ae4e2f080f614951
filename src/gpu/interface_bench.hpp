// Measures what a user feels while dragging a slider: every frame changes a parameter (the seed,
// so the weights are rebuilt and uploaded), restarts progressive rendering and spends one frame
// budget on it, then presents into an offscreen framebuffer of the picture's size.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "core/params.hpp"
#include "core/sheet.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::gpu {

// Wall-clock milliseconds of each frame, after `warmup` frames that are not counted (the first
// draw of a program includes the driver's one-time shader compile). Needs a current context.
std::vector<double> interface_frame_times(NetworkRenderer& renderer, const core::Params& base,
                                          int frames, double budget_ms, int warmup = 3);

// The same for a view of several tiles (a sweep grid, the progression, ...): every frame lays the
// sheet out again for a new seed, draws its plot tiles with `plot` and spends the budget on the
// picture tiles.
using PlotMaker = std::function<std::vector<std::uint8_t>(const core::SheetTile&)>;
std::vector<double> sheet_frame_times(NetworkRenderer& renderer, const core::Params& base,
                                      const core::ViewSpec& view, int frames, double budget_ms,
                                      const PlotMaker& plot, int warmup = 3);

}  // namespace primordial::gpu
