#include "core/net/network.hpp"

#include <algorithm>
#include <cmath>
#include <thread>

#include "core/net/rng.hpp"

namespace primordial::core {

long long Network::multiply_adds() const {
    long long n = 0;
    for (const Layer& l : layers) n += static_cast<long long>(l.in) * l.out;
    return n;
}

double unit_sigma(Init init, int fan_in, int fan_out) {
    switch (init) {
        case Init::range:
            return 1.0 / std::sqrt(3.0);
        case Init::glorot:
            return std::sqrt(2.0 / (fan_in + fan_out));
        case Init::he:
            return std::sqrt(2.0 / fan_in);
        case Init::lecun:
            return std::sqrt(1.0 / fan_in);
    }
    return 1.0;
}

WeightSampler::WeightSampler(const NetworkParams& p, int fan_in, int fan_out, double gain)
    : normal_(p.distribution == Distribution::normal), gain_(gain) {
    if (p.init == Init::range) {
        spread_ = 1.0;  // uniform on [-1, 1], or sigma 1, before the gain
    } else {
        // Uniform with standard deviation sigma spans [-sigma*sqrt(3), sigma*sqrt(3)].
        const double sigma = unit_sigma(p.init, fan_in, fan_out);
        spread_ = normal_ ? sigma : sigma * std::sqrt(3.0);
    }
}

float WeightSampler::operator()(std::uint64_t h) const {
    const double v = (normal_ ? rng::standard_normal(h) : rng::uniform_pm1(h)) * spread_;
    return static_cast<float>(v * gain_);
}

float weight_value(const NetworkParams& p, std::uint32_t layer_key, int row, std::uint32_t col_key,
                   int fan_in, int fan_out, double gain) {
    return WeightSampler(p, fan_in, fan_out, gain)(
        rng::hash(p.seed, layer_key, static_cast<std::uint32_t>(row), col_key));
}

void slerp_layer(Layer& a, const Layer& b, double t) {
    double aa = 0, bb = 0, ab = 0;
    const auto acc = [&](const std::vector<float>& x, const std::vector<float>& y) {
        for (std::size_t i = 0; i < x.size(); ++i) {
            aa += double(x[i]) * x[i];
            bb += double(y[i]) * y[i];
            ab += double(x[i]) * y[i];
        }
    };
    acc(a.weights, b.weights);
    acc(a.biases, b.biases);
    const double cos_omega =
        aa > 0 && bb > 0 ? std::clamp(ab / std::sqrt(aa * bb), -1.0, 1.0) : 1.0;
    const double omega = std::acos(cos_omega);
    double ka = 1 - t, kb = t;  // nearly parallel: a straight blend is the same and stable
    if (std::sin(omega) > 1e-6) {
        ka = std::sin((1 - t) * omega) / std::sin(omega);
        kb = std::sin(t * omega) / std::sin(omega);
    }
    const auto mix = [&](std::vector<float>& x, const std::vector<float>& y) {
        for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(ka * x[i] + kb * y[i]);
    };
    mix(a.weights, b.weights);
    mix(a.biases, b.biases);
}

Network seeded_network(const NetworkParams& p) {
    Network net;
    net.inputs = p.inputs;
    const std::uint64_t seed_h = rng::with_seed(p.seed);
    int fan_in = static_cast<int>(p.inputs.size());
    for (int l = 0; l < p.depth; ++l) {
        const bool output = l == p.depth - 1;
        Layer layer;
        layer.in = fan_in;
        layer.out = output ? p.outputs : p.width_of(l);
        layer.activation = p.activation_of(l);
        const std::uint32_t key = output ? rng::kOutputLayer : static_cast<std::uint32_t>(l);
        const std::uint64_t layer_h = rng::with_layer(seed_h, key);
        const WeightSampler weight(p, layer.in, layer.out, p.scale);
        const WeightSampler bias(p, layer.in, layer.out,
                                 output ? p.output_layer_bias_scale() : p.hidden_bias_scale());
        layer.weights.resize(static_cast<std::size_t>(layer.in) * layer.out);
        layer.biases.resize(static_cast<std::size_t>(layer.out));
        auto fill_rows = [&](int r0, int r1) {
            for (int r = r0; r < r1; ++r) {
                const std::uint64_t row_h = rng::with_row(layer_h, static_cast<std::uint32_t>(r));
                float* row = layer.weights.data() + static_cast<std::size_t>(r) * layer.in;
                for (int c = 0; c < layer.in; ++c) {
                    // First-layer columns are keyed by input id, so adding r or z keeps x and y.
                    const auto col = l == 0 ? static_cast<std::uint32_t>(p.inputs[c])
                                            : static_cast<std::uint32_t>(c);
                    row[c] = weight(rng::with_col(row_h, col));
                }
                layer.biases[r] = bias(rng::with_col(row_h, rng::kBiasColumn));
            }
        };
        // Wide layers are filled on every core: a slider on a 14x400 network rebuilds 2M weights.
        const int threads =
            layer.weights.size() > 50000
                ? static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))
                : 1;
        {
            std::vector<std::jthread> pool;
            for (int t = 1; t < threads; ++t)
                pool.emplace_back(fill_rows, layer.out * t / threads,
                                  layer.out * (t + 1) / threads);
            fill_rows(0, layer.out / threads);
        }
        net.layers.push_back(std::move(layer));
        fan_in = net.layers.back().out;
    }
    return net;
}

std::vector<LayerValues> layer_values(const Network& net) {
    std::vector<LayerValues> out;
    for (const Layer& l : net.layers) out.push_back({l.weights, l.biases});
    return out;
}

void fit_set_weights(NetworkParams& n) {
    if (n.set_weights.empty()) return;
    bool fits = n.set_weights.size() == static_cast<std::size_t>(n.depth);
    for (int l = 0; fits && l < n.depth; ++l) fits = set_weights_fit(n, l);
    if (fits) return;  // however large: a file may carry any network's values
    if (!weights_editable(n)) {
        n.set_weights.clear();
        return;
    }
    NetworkParams seeded = n;
    seeded.set_weights.clear();
    const Network fresh = build_network(seeded);
    std::vector<LayerValues> fitted = layer_values(fresh);
    for (int l = 0; l < n.depth; ++l)
        if (set_weights_fit(n, l))
            fitted[static_cast<std::size_t>(l)] = n.set_weights[static_cast<std::size_t>(l)];
    n.set_weights = std::move(fitted);
}

}  // namespace primordial::core
