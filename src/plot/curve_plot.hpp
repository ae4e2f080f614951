// Line plots in the article's style (axes through the origin, no box): a one-input network's
// last hidden layer, weighted sum and output (figure 4); one activation function (figures 3, 13);
// the arrow between figure 6's panels.
#pragma once

#include <cstdint>
#include <vector>

#include "core/views/curves.hpp"
#include "core/views/sheet.hpp"

namespace primordial::plot {

// Draws one of the three panels (`which`: hidden_curves, sum_curve or output_curve) of a
// width x height plot, returned as RGB.
std::vector<std::uint8_t> draw_curves(const core::Curves& c, core::TileContent which, int width,
                                      int height);

// `a` over the x range a picture of `view` would span at width x height.
std::vector<std::uint8_t> draw_function(core::Activation a, const core::ViewParams& view, int width,
                                        int height);

std::vector<std::uint8_t> draw_arrow(int width, int height);

}  // namespace primordial::plot
