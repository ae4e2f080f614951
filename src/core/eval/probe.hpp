// Probe networks: a network cut after one of its layers, with a one-output head that reads a
// single unit and maps its range onto [0, 1]. Drawing a probe shows that unit as a grey picture,
// through the same evaluator and shader as every other picture (neuron grids, figure 5).
#pragma once

#include "core/eval/view.hpp"
#include "core/net/network.hpp"

namespace primordial::core {

struct ValueRange {
    float lo = 0, hi = 1;
};

// The first `layers` layers of `net` (1 ... layer count). With `pre_activation` the last kept
// layer's activation becomes the identity: its weighted sums, before the activation.
Network truncated(const Network& net, int layers, bool pre_activation = false);

// `net` plus a head reading unit `unit` of its last layer as (v - lo) / (hi - lo).
Network probe(const Network& net, int unit, ValueRange range);

// `net` with every output but `output` held at zero: that channel alone, in its own colour.
// The kept output is computed exactly as in `net`.
Network only_output(const Network& net, int output);

// The range a layer's activation can take, when it is bounded (tanh, sigmoid, sin, gaussian).
std::optional<ValueRange> bounded_range(Activation a);

// The range of unit `unit` of `net`'s last layer over a width x height picture, sampled on a
// grid of n x n pixel centres; widened to a non-empty interval.
ValueRange sampled_range(const Network& net, const ViewParams& view, int width, int height,
                         int unit, int n = 33);

}  // namespace primordial::core
