#include "core/theory/columns.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <thread>

#include "core/eval/activation.hpp"

namespace primordial::core {

InputAt input_at(Input in, const ViewParams& view, double x, double y) {
    switch (in) {
        case Input::x:
            return {x, {1, 0}};
        case Input::y:
            return {y, {0, 1}};
        case Input::r: {
            const double r = std::hypot(x, y);
            return {r, r > 0 ? std::array<double, 2>{x / r, y / r} : std::array<double, 2>{}};
        }
        case Input::z:
            return {view.z, {}};
        case Input::cos_t:
            return {std::cos(2 * std::numbers::pi * view.t), {}};
        case Input::sin_t:
            return {std::sin(2 * std::numbers::pi * view.t), {}};
    }
    return {};
}

Columns inputs_at(const Network& net, const ViewParams& view, const std::vector<double>& xs,
                  const std::vector<double>& ys) {
    const std::size_t n = xs.size();
    Columns in(net.inputs.size() * n);
    for (std::size_t c = 0; c < net.inputs.size(); ++c)
        for (std::size_t p = 0; p < n; ++p)
            in[c * n + p] = input_at(net.inputs[c], view, xs[p], ys[p]).value;
    return in;
}

Columns dense(const Layer& l, const Columns& y, std::size_t n, int threads, bool bias) {
    Columns h(static_cast<std::size_t>(l.out) * n);
    constexpr std::size_t kBlock = 256;
    // Units shared out between threads; points in blocks that stay in cache.
    const auto run = [&](int j0, int j1) {
        std::vector<double> acc(kBlock);
        for (std::size_t p0 = 0; p0 < n; p0 += kBlock) {
            const std::size_t m = std::min(kBlock, n - p0);
            for (int j = j0; j < j1; ++j) {
                std::fill(acc.begin(), acc.begin() + static_cast<std::ptrdiff_t>(m),
                          bias ? double(l.biases[j]) : 0.0);
                const float* wj = l.weights.data() + static_cast<std::size_t>(j) * l.in;
                for (int k = 0; k < l.in; ++k) {
                    const double w = wj[k];
                    const double* x = y.data() + static_cast<std::size_t>(k) * n + p0;
                    for (std::size_t p = 0; p < m; ++p) acc[p] += w * x[p];
                }
                std::copy(
                    acc.begin(), acc.begin() + static_cast<std::ptrdiff_t>(m),
                    h.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(j) * n + p0));
            }
        }
    };
    const int t = std::clamp(threads, 1, std::max(1, l.out));
    std::vector<std::jthread> pool;
    for (int i = 1; i < t; ++i) pool.emplace_back(run, l.out * i / t, l.out * (i + 1) / t);
    run(0, l.out / t);
    return h;
}

Columns activated(Activation f, const Columns& h) {
    Columns y(h.size());
    for (std::size_t i = 0; i < h.size(); ++i) y[i] = activation_reference(f, h[i]);
    return y;
}

}  // namespace primordial::core
