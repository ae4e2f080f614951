// The detail view's plot: how busy the picture is by distance from the origin (the theory, this
// network, the mean over a few), with the hub's predicted radius; and below, how each hidden
// layer's gradient builds up with depth, by radius.
#pragma once

#include <cstdint>
#include <vector>

#include "core/theory/detail.hpp"

namespace primordial::plot {

std::vector<std::uint8_t> draw_detail(const core::DetailCurves& c, int width, int height);

}  // namespace primordial::plot
