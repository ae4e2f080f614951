// Relu networks are piecewise linear: each pattern of which hidden units are on is one linear
// region (Hanin & Rolnick 2019, arXiv:1901.09021). A picture of them: each pixel coloured by its
// pattern, boundaries dark, and how many distinct patterns the picture holds.
#pragma once

#include <cstdint>
#include <vector>

#include "core/eval/view.hpp"
#include "core/net/network.hpp"

namespace primordial::core {

struct RegionMap {
    std::vector<std::uint8_t> rgb;  // width x height, 3 bytes a pixel
    long long regions = 0;          // distinct patterns over the pixels
};

// Every hidden layer of `net` must be relu or leaky relu (a unit is on where its value > 0).
RegionMap region_map(const Network& net, const ViewParams& view, int width, int height);

}  // namespace primordial::core
