// The packed 4x4-block layout, without GL.
#include <doctest/doctest.h>

#include "core/fold.hpp"
#include "gpu/weight_layout.hpp"

using namespace primordial;

TEST_CASE("weights pack into 4x4 blocks, bias first, padded with zeros") {
    core::NetworkParams n;
    n.depth = 3;
    n.widths = {6};
    const core::Network net = core::build_network(n);
    const auto fold = core::fold_first_layer(net, core::ViewParams{});
    const gpu::WeightLayout w = gpu::pack_network(net, fold);
    REQUIRE(w.layers.size() == 12);
    CHECK(w.first_layer_texels == gpu::layer_texels(2, 6));
    CHECK(w.max_width == 6);
    CHECK(static_cast<std::int64_t>(w.texels.size() / 4) == gpu::network_texels(net));
    // Layer 1: 6 -> 6, at the texel the table names.
    CHECK(w.layers[4] == 6);
    CHECK(w.layers[5] == 6);
    CHECK(w.layers[6] == static_cast<int>(core::Activation::tanh));
    const float* t = w.texels.data() + static_cast<std::size_t>(w.layers[7]) * 4;
    const core::Layer& l1 = net.layers[1];
    for (int j = 0; j < 6; ++j) CHECK(t[j] == l1.biases[j]);
    CHECK(t[6] == 0.0f);
    const float* blocks = t + 2 * 4;  // after 2 bias texels
    for (int row = 0; row < 8; ++row)
        for (int col = 0; col < 8; ++col) {
            const int o = row / 4, k = col / 4;
            const float v = blocks[((o * 2 + k) * 4 + col % 4) * 4 + row % 4];
            CHECK(v == (row < 6 && col < 6 ? l1.w(row, col) : 0.0f));
        }
    // Layer 0 is the folded first layer and is rewritten in place on a view change.
    CHECK(gpu::pack_first_layer(fold).size() == static_cast<std::size_t>(w.first_layer_texels) * 4);
}

TEST_CASE("width buckets") {
    CHECK(gpu::width_bucket(1) == 32);
    CHECK(gpu::width_bucket(32) == 32);
    CHECK(gpu::width_bucket(33) == 64);
    CHECK(gpu::width_bucket(400) == 512);
    CHECK(gpu::width_bucket(1024) == 1024);
}

TEST_CASE("the largest network the core allows fits 4 floats a weight plus padding") {
    // Shapes only (no weights): 16M weights is 4M texels plus biases, well under llvmpipe's limit
    // of 2^27 texels; smaller limits are reported by set_network.
    core::Network net;
    net.inputs = {core::Input::x};
    for (int l = 0; l < 16; ++l) {
        core::Layer layer;
        layer.in = l == 0 ? 1 : 1000;
        layer.out = 1000;
        net.layers.push_back(layer);
    }
    CHECK(gpu::network_texels(net) < (std::int64_t{1} << 23));
}

TEST_CASE("padded layout: every layer takes 8 x 8 blocks at a fixed stride") {
    core::NetworkParams n;
    n.depth = 4;
    n.widths = {30};
    const core::Network net = core::build_network(n);
    const auto fold = core::fold_first_layer(net, core::ViewParams{});
    const int pad = gpu::pad_blocks_for_bucket(gpu::width_bucket(gpu::network_max_width(net)));
    REQUIRE(pad == 8);
    const gpu::WeightLayout w = gpu::pack_network(net, fold, pad);
    // The offsets the unrolled shader hard-codes: layer 0 is 8 + 8 * 4 texels, the others 264.
    CHECK(w.first_layer_texels == 40);
    CHECK(static_cast<std::int64_t>(w.texels.size() / 4) == gpu::network_texels(net, pad));
    CHECK(gpu::pack_first_layer(fold, pad).size() == static_cast<std::size_t>(40) * 4);
    for (int l = 1; l < 4; ++l) {
        CAPTURE(l);
        REQUIRE(w.layers[4 * l + 3] == 40 + (l - 1) * 264);
        const float* t = w.texels.data() + static_cast<std::size_t>(w.layers[4 * l + 3]) * 4;
        const core::Layer& layer = net.layers[static_cast<std::size_t>(l)];
        for (int j = 0; j < 32; ++j) CHECK(t[j] == (j < layer.out ? layer.biases[j] : 0.0f));
        const float* blocks = t + 8 * 4;
        for (int row = 0; row < 32; ++row)
            for (int col = 0; col < 32; ++col) {
                const int o = row / 4, k = col / 4;
                const float v = blocks[((o * 8 + k) * 4 + col % 4) * 4 + row % 4];
                CHECK(v == (row < layer.out && col < layer.in ? layer.w(row, col) : 0.0f));
            }
    }
    CHECK(gpu::pad_blocks_for_bucket(64) == 0);
}
