// Line plots of a one-input network (the article's figure 4): the last hidden layer's curves,
// their weighted sum, and the output.
#pragma once

#include <cstdint>
#include <vector>

#include "core/curves.hpp"
#include "core/sheet.hpp"

namespace primordial::plot {

// Draws one of the three panels (`which`: hidden_curves, sum_curve or output_curve) of a
// width x height plot, returned as RGB.
std::vector<std::uint8_t> draw_curves(const core::Curves& c, core::TileContent which, int width,
                                      int height);

}  // namespace primordial::plot
