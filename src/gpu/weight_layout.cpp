#include "gpu/weight_layout.hpp"

#include <algorithm>

namespace primordial::gpu {
namespace {

// Appends one layer: w is out rows of `in` columns, row-major.
// in4 / out4: the blocks it occupies (>= blocks(in) / blocks(out); the rest is zero padding).
void pack_layer(const float* w, const float* bias, int in, int out, std::vector<float>& t, int in4,
                int out4) {
    const std::size_t base = t.size();
    t.resize(base + static_cast<std::size_t>(layer_texels(4 * in4, 4 * out4)) * 4, 0.0f);
    float* p = t.data() + base;
    for (int j = 0; j < out; ++j) p[j] = bias[j];
    p += static_cast<std::size_t>(out4) * 4;
    for (int o = 0; o < out4; ++o)
        for (int k = 0; k < in4; ++k, p += 16)
            for (int c = 0; c < 4; ++c)
                for (int r = 0; r < 4; ++r) {
                    const int row = 4 * o + r, col = 4 * k + c;
                    if (row < out && col < in)
                        p[c * 4 + r] = w[static_cast<std::size_t>(row) * in + col];
                }
}

}  // namespace

std::int64_t network_texels(const core::Network& net, int pad_blocks) {
    std::int64_t n = 0;
    const int p = 4 * pad_blocks;
    for (std::size_t l = 0; l < net.layers.size(); ++l)
        // The folded first layer has at most 3 per-pixel columns: one block.
        n += layer_texels(l == 0 ? 4 : std::max(p, net.layers[l].in),
                          std::max(p, net.layers[l].out));
    return n;
}

int network_max_width(const core::Network& net) {
    int m = 1;
    for (const core::Layer& layer : net.layers) m = std::max({m, layer.in, layer.out});
    return m;
}

int pad_blocks_for_bucket(int bucket) {
    return bucket <= 32 ? 8 : 0;
}

std::vector<float> pack_first_layer(const core::FoldedInput& fold, int pad_blocks) {
    std::vector<float> t;
    const auto out = static_cast<int>(fold.bias.size());
    const auto cols = static_cast<int>(fold.columns.size());
    const int out4 = std::max(blocks(out), pad_blocks);
    if (cols > 0) {
        pack_layer(fold.weights.data(), fold.bias.data(), cols, out, t, 1, out4);
    } else {
        // A z-only network has no per-pixel column; it still takes one (zero) block.
        const std::vector<float> zeros(static_cast<std::size_t>(out), 0.0f);
        pack_layer(zeros.data(), fold.bias.data(), 1, out, t, 1, out4);
    }
    return t;
}

WeightLayout pack_network(const core::Network& net, const core::FoldedInput& fold, int pad_blocks) {
    WeightLayout w;
    w.texels = pack_first_layer(fold, pad_blocks);
    w.first_layer_texels = static_cast<int>(w.texels.size() / 4);
    const auto cols = static_cast<int>(fold.columns.size());
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
        const core::Layer& layer = net.layers[l];
        const int in = l == 0 ? std::max(cols, 1) : layer.in;
        w.layers.insert(w.layers.end(),
                        {in, layer.out, static_cast<std::int32_t>(layer.activation),
                         l == 0 ? 0 : static_cast<std::int32_t>(w.texels.size() / 4)});
        if (l > 0)
            pack_layer(layer.weights.data(), layer.biases.data(), layer.in, layer.out, w.texels,
                       std::max(blocks(layer.in), pad_blocks),
                       std::max(blocks(layer.out), pad_blocks));
        w.max_width = std::max({w.max_width, in, layer.out});
    }
    return w;
}

std::array<int, 4> shader_columns(const core::FoldedInput& fold) {
    std::array<int, 4> codes{kColumnNone, kColumnNone, kColumnNone, kColumnNone};
    for (std::size_t c = 0; c < fold.columns.size() && c < 4; ++c) switch (fold.columns[c]) {
            case core::Input::x:
                codes[c] = kColumnX;
                break;
            case core::Input::y:
                codes[c] = kColumnY;
                break;
            case core::Input::r:
                codes[c] = kColumnR;
                break;
            default:
                break;  // constants are folded into the bias
        }
    return codes;
}

int width_bucket(int max_width) {
    int b = 32;
    while (b < max_width) b *= 2;
    return b;
}

}  // namespace primordial::gpu
