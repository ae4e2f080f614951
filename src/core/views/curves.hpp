// The data of the article's plots: a network along one input as curves (figure 4), and a
// one-output network as a height field (figure 3). Values come from the CPU evaluator.
#pragma once

#include <vector>

#include "core/eval/view.hpp"
#include "core/net/network.hpp"

namespace primordial::core {

struct Curves {
    std::vector<double> xs;                   // sample positions along x
    std::vector<std::vector<float>> hidden;   // last hidden layer, per unit (empty at depth 1)
    std::vector<std::vector<float>> sums;     // per output unit (red, green, blue), before ...
    std::vector<std::vector<float>> outputs;  // ... and after the output activation
    Activation output_activation = Activation::identity;
};

// `samples` points along the horizontal line through the view centre, x from cx - extent to
// cx + extent (y at the centre; a network with x as its only input ignores it).
Curves curves(const Network& net, const ViewParams& view, int samples);

struct HeightField {
    int n = 0;             // n x n samples, row-major, row 0 at the top of the picture
    std::vector<float> z;  // output unit 0
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // plane rectangle sampled (left, bottom, right, top)
};

// Output 0 sampled on an n x n grid spanning the picture of the view at width x height.
HeightField height_field(const Network& net, const ViewParams& view, int width, int height, int n);

}  // namespace primordial::core
