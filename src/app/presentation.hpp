// Presentation mode for live demos: the network drifts slowly and smoothly on its own (a seed
// morph from one network to the next, a breathing weight scale, a gentle zoom, z when the
// network has a z input). Pure functions of time, so the drift is tested without a window.
#pragma once

#include "core/net/params.hpp"

namespace primordial::app {

struct Autopilot {
    double morph_seconds = 24;  // one seed to the next
    double scale_period = 41;   // the weight scale breathes by +-12 %
    double zoom_period = 67;    // the extent breathes by a factor of e^(+-0.3)
    double z_period = 31;       // z swings over [-1, 1] when the network has a z input
};

// The parameters `seconds` into the drift from `base`: at 0 exactly `base`.
core::Params autopilot(const core::Params& base, double seconds, const Autopilot& a = {});

}  // namespace primordial::app
