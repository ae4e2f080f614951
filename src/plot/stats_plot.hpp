// A network's statistics as two plots side by side: each layer's pre-activation length q,
// measured (dots) and predicted by the mean-field theory (line), and the length of the circle's
// image layer by layer; both on log scales.
#pragma once

#include <cstdint>
#include <vector>

#include "core/theory/stats.hpp"

namespace primordial::plot {

std::vector<std::uint8_t> draw_stats(const core::NetworkStats& s, int width, int height);

}  // namespace primordial::plot
