// The first layer folded at the view centre, in double, so that only small offsets from the
// centre pass through float32: a centre at 10000.25 with a tiny extent still renders smoothly.
// The CPU evaluator and the shader both evaluate the network in this form.
#pragma once

#include <vector>

#include "core/net/network.hpp"

namespace primordial::core {

struct FoldedInput {
    // Inputs that vary per pixel (x, y, r), in the network's input order; z is constant and
    // folds into the bias.
    std::vector<Input> columns;
    std::vector<float> weights;        // first-layer out rows of columns.size()
    std::vector<float> bias;           // b + W_x cx + W_y cy + W_z z, computed in double
    float center_x = 0, center_y = 0;  // r = length((center) + (dx, dy)) in float
};

FoldedInput fold_first_layer(const Network& net, const ViewParams& view);

}  // namespace primordial::core
