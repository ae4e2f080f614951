#include "core/network.hpp"

#include <cmath>

#include "core/rng.hpp"

namespace primordial::core {

long long Network::multiply_adds() const {
    long long n = 0;
    for (const Layer& l : layers) n += static_cast<long long>(l.in) * l.out;
    return n;
}

double unit_sigma(Init init, int fan_in, int fan_out) {
    switch (init) {
        case Init::range: return 1.0 / std::sqrt(3.0);
        case Init::glorot: return std::sqrt(2.0 / (fan_in + fan_out));
        case Init::he: return std::sqrt(2.0 / fan_in);
        case Init::lecun: return std::sqrt(1.0 / fan_in);
    }
    return 1.0;
}

float weight_value(const NetworkParams& p, std::uint32_t layer_key, int row, std::uint32_t col_key,
                   int fan_in, int fan_out, double gain) {
    const std::uint64_t h = rng::hash(p.seed, layer_key, static_cast<std::uint32_t>(row), col_key);
    double v;
    if (p.distribution == Distribution::uniform) {
        // Uniform with standard deviation sigma spans [-sigma*sqrt(3), sigma*sqrt(3)].
        const double limit = p.init == Init::range
                                 ? 1.0
                                 : unit_sigma(p.init, fan_in, fan_out) * std::sqrt(3.0);
        v = rng::uniform_pm1(h) * limit;
    } else {
        const double sigma = p.init == Init::range ? 1.0 : unit_sigma(p.init, fan_in, fan_out);
        v = rng::standard_normal(h) * sigma;
    }
    return static_cast<float>(v * gain);
}

Network build_network(const NetworkParams& p) {
    Network net;
    net.inputs = p.inputs;
    int fan_in = static_cast<int>(p.inputs.size());
    for (int l = 0; l < p.depth; ++l) {
        const bool output = l == p.depth - 1;
        Layer layer;
        layer.in = fan_in;
        layer.out = output ? p.outputs : p.width_of(l);
        layer.activation = p.activation_of(l);
        const std::uint32_t key = output ? rng::kOutputLayer : static_cast<std::uint32_t>(l);
        layer.weights.resize(static_cast<std::size_t>(layer.in) * layer.out);
        layer.biases.resize(static_cast<std::size_t>(layer.out));
        for (int r = 0; r < layer.out; ++r) {
            for (int c = 0; c < layer.in; ++c) {
                // First-layer columns are keyed by input id, so adding r or z keeps x and y.
                const auto col = l == 0 ? static_cast<std::uint32_t>(p.inputs[c])
                                        : static_cast<std::uint32_t>(c);
                layer.weights[static_cast<std::size_t>(r) * layer.in + c] =
                    weight_value(p, key, r, col, layer.in, layer.out, p.scale);
            }
            layer.biases[r] = weight_value(p, key, r, rng::kBiasColumn, layer.in, layer.out,
                                           p.effective_bias_scale());
        }
        net.layers.push_back(std::move(layer));
        fan_in = net.layers.back().out;
    }
    return net;
}

}  // namespace primordial::core
