#include "core/eval/probe.hpp"

#include <algorithm>
#include <cmath>

#include "core/eval/evaluate.hpp"

namespace primordial::core {

Network truncated(const Network& net, int layers, bool pre_activation) {
    Network out;
    out.inputs = net.inputs;
    out.layers.assign(net.layers.begin(), net.layers.begin() + layers);
    if (pre_activation) out.layers.back().activation = Activation::identity;
    return out;
}

Network probe(const Network& net, int unit, ValueRange range) {
    Network out = net;
    const Layer& last = net.layers.back();
    Layer head;
    head.in = last.out;
    head.out = 1;
    head.activation = Activation::identity;
    head.weights.assign(static_cast<std::size_t>(last.out), 0.0f);
    const float span = range.hi - range.lo;
    head.weights[static_cast<std::size_t>(unit)] = 1.0f / span;
    head.biases = {-range.lo / span};
    out.layers.push_back(std::move(head));
    return out;
}

Network only_output(const Network& net, int output) {
    Network out = net;
    Layer& last = out.layers.back();
    // A large negative sum puts every activation but sin at or below zero, which shows as black;
    // sin(0) is zero.
    const float off = last.activation == Activation::sin ? 0.0f : -1e4f;
    for (int r = 0; r < last.out; ++r) {
        if (r == output) continue;
        std::fill_n(last.weights.begin() + static_cast<std::ptrdiff_t>(r) * last.in, last.in, 0.0f);
        last.biases[static_cast<std::size_t>(r)] = off;
    }
    return out;
}

std::optional<ValueRange> bounded_range(Activation a) {
    switch (a) {
        case Activation::tanh:
        case Activation::sin:
            return ValueRange{-1, 1};
        case Activation::sigmoid:
        case Activation::gaussian:
            return ValueRange{0, 1};
        default:
            return std::nullopt;
    }
}

ValueRange sampled_range(const Network& net, const ViewParams& view, int width, int height,
                         int unit, int n) {
    const ViewTransform t(view, width, height);
    std::vector<PlanePoint> points;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            points.push_back(t.to_plane((i + 0.5) * width / n, (j + 0.5) * height / n));
    const Evaluator eval(net, view);
    const std::vector<float> out = eval.activations_at(points).back();
    const auto first = out.begin() + static_cast<std::ptrdiff_t>(unit) *
                                         static_cast<std::ptrdiff_t>(points.size());
    float lo = INFINITY, hi = -INFINITY;
    for (auto it = first; it != first + static_cast<std::ptrdiff_t>(points.size()); ++it)
        if (std::isfinite(*it)) lo = std::min(lo, *it), hi = std::max(hi, *it);
    if (!(lo <= hi)) return {0, 1};
    if (hi - lo < 1e-6f) {  // a flat unit shows as mid grey
        const float mid = 0.5f * (lo + hi);
        return {mid - 1.0f, mid + 1.0f};
    }
    return {lo, hi};
}

}  // namespace primordial::core
