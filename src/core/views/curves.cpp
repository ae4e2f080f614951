#include "core/views/curves.hpp"

#include "core/eval/evaluate.hpp"
#include "core/eval/probe.hpp"

namespace primordial::core {

Curves curves(const Network& net, const ViewParams& view, int samples) {
    Curves c;
    std::vector<PlanePoint> points;
    for (int i = 0; i < samples; ++i) {
        const double t = samples > 1 ? static_cast<double>(i) / (samples - 1) : 0.5;
        points.push_back({view.center_x + view.extent * (2 * t - 1), view.center_y});
        c.xs.push_back(points.back().x);
    }
    const auto n = static_cast<std::size_t>(samples);
    const auto taps = Evaluator(net, view).activations_at(points);
    const int depth = static_cast<int>(net.layers.size());
    if (depth >= 2) {
        const auto& h = taps[static_cast<std::size_t>(depth - 2)];
        for (int u = 0; u < net.layers[static_cast<std::size_t>(depth - 2)].out; ++u)
            c.hidden.emplace_back(h.begin() + static_cast<std::ptrdiff_t>(u * n),
                                  h.begin() + static_cast<std::ptrdiff_t>((u + 1) * n));
    }
    // The weighted sum through the evaluator itself: the same float operations as the output.
    const auto sums = Evaluator(truncated(net, depth, true), view).activations_at(points).back();
    const auto& outs = taps.back();
    for (int k = 0; k < net.outputs(); ++k) {
        const auto from = static_cast<std::ptrdiff_t>(static_cast<std::size_t>(k) * n),
                   to = static_cast<std::ptrdiff_t>(static_cast<std::size_t>(k + 1) * n);
        c.sums.emplace_back(sums.begin() + from, sums.begin() + to);
        c.outputs.emplace_back(outs.begin() + from, outs.begin() + to);
    }
    c.output_activation = net.layers.back().activation;
    return c;
}

HeightField height_field(const Network& net, const ViewParams& view, int width, int height, int n) {
    HeightField f;
    f.n = n;
    const ViewTransform t(view, width, height);
    const PlanePoint tl = t.to_plane(0, 0), br = t.to_plane(width, height);
    f.x0 = tl.x, f.y1 = tl.y, f.x1 = br.x, f.y0 = br.y;
    std::vector<PlanePoint> points;
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            points.push_back(t.to_plane(width * (i / (n - 1.0)), height * (j / (n - 1.0))));
    const std::vector<float> out = Evaluator(net, view).outputs_at(points);
    const int outputs = net.outputs();
    for (std::size_t p = 0; p < points.size(); ++p) f.z.push_back(out[p * outputs]);
    return f;
}

}  // namespace primordial::core
