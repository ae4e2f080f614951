// Network: the weight matrices, biases and activations built from NetworkParams.
#pragma once

#include <cstdint>
#include <vector>

#include "core/net/params.hpp"

namespace primordial::core {

struct Layer {
    int in = 0, out = 0;
    std::vector<float> weights;  // out rows of in columns, row-major: y = a(W x + b)
    std::vector<float> biases;   // out
    Activation activation = Activation::tanh;
    float w(int row, int col) const { return weights[static_cast<std::size_t>(row) * in + col]; }
    bool operator==(const Layer&) const = default;
};

struct Network {
    std::vector<Input> inputs;
    std::vector<Layer> layers;  // the last one is the output layer
    int outputs() const { return layers.back().out; }
    long long multiply_adds() const;  // per pixel
};

// Standard deviation of one weight of layer `layer` (0-based) with the given fan-in/out, before
// the user's gain; `range` returns 1/sqrt(3) so that uniform weights land on [-s, s].
double unit_sigma(Init init, int fan_in, int fan_out);

// Maps a weight's hash to its value for one layer: the distribution's spread is worked out once.
class WeightSampler {
public:
    WeightSampler(const NetworkParams& p, int fan_in, int fan_out, double gain);
    float operator()(std::uint64_t hash) const;
    // Before the gain: uniform values lie on [-spread, spread], normal ones have sigma = spread.
    double spread() const { return spread_; }

private:
    bool normal_;
    double spread_, gain_;
};

// The weight of (layer, row, col) exactly as build_network computes it. `layer_key` is the hidden
// layer's index or rng::kOutputLayer; `col_key` is the column's key (first layer: the input's id).
float weight_value(const NetworkParams& p, std::uint32_t layer_key, int row, std::uint32_t col_key,
                   int fan_in, int fan_out, double gain);

// The network `p` stands for: its hand-set values, or its seeded draw, morphed towards another
// seed, then bred through its lineage (build.cpp).
Network build_network(const NetworkParams& p);
// The seeded draw alone: every weight a pure function of (seed, layer, row, column), whatever
// `p`'s morph, lineage or hand-set values.
Network seeded_network(const NetworkParams& p);
// Spherical interpolation of a layer's weights and biases (one vector) from `a` towards `b` by
// t in [0, 1], keeping their spread where a straight blend would shrink it; identical layers
// stay exactly as they are. The seed morph and a breeding cross use it.
void slerp_layer(Layer& a, const Layer& b, double t);

// Every layer's current values, e.g. to start hand-editing a seeded network.
std::vector<LayerValues> layer_values(const Network& net);

// Keeps hand-set weights valid after the network's shape changed: layers whose shape still fits
// keep their values, the others take the seeded ones; a network too large to edit by hand
// (weights_editable) drops them all. Values that fit the shape are kept whatever its size.
void fit_set_weights(NetworkParams& n);

}  // namespace primordial::core
