// What a person at the explorer feels, per engine, measured by running the window's own frame
// loop (frame_loop) over the window's own views (PictureView, SheetView) into an offscreen
// target: the frames while a slider is dragged (every frame changes the seed, so the weights are
// rebuilt, the picture restarts and one frame budget is spent on it), and after one change the
// time until the picture is sharp (time to full), waiting between frames as the window does.
#pragma once

#include <vector>

#include "core/net/params.hpp"
#include "core/views/sheet.hpp"
#include "gpu/engine.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::app {

struct InterfaceTimes {
    std::vector<double> frames;   // wall-clock ms of each frame while the seed changes
    double time_to_full_ms = 0;   // from one change to the full-resolution picture on screen
    double first_picture_ms = 0;  // from one change to its first (coarse) picture; single pictures
    bool reached_full = true;     // false: not full after a minute (time_to_full_ms is that wait)
    double p95() const;
};

// Needs a current context. `view`: the single picture or a view of several tiles, laid out at
// the picture's size. `warmup` frames are not counted (a program's first draw includes the
// driver's one-time shader compile).
InterfaceTimes interface_times(gpu::NetworkRenderer& renderer, gpu::EngineKind engine,
                               const core::Params& base, const core::ViewSpec& view, int frames,
                               double budget_ms, int warmup = 3);

}  // namespace primordial::app
