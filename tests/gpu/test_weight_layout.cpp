// The packed 4x4-block layout, without GL.
#include <doctest/doctest.h>

#include <string>

#include "core/eval/fold.hpp"
#include "gpu/network_source.hpp"
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
    // The strides the unrolled shader reads (PAD_FIRST_TEXELS, PAD_LAYER_TEXELS): layer 0 is
    // 8 + 8 * 4 texels, the others 8 + 8 * 8 * 4.
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

TEST_CASE("the shaders' constants are written from the C++ values, once") {
    const auto count = [](const std::string& text, const std::string& what) {
        int n = 0;
        for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
        return n;
    };
    for (gpu::ShaderTarget target : {gpu::ShaderTarget::gl33, gpu::ShaderTarget::webgl2}) {
        const std::string small = gpu::network_fragment_source(32, target);
        CHECK(count(small, "#define MAX_VEC4 8\n") == 1);
        CHECK(count(small, "#define PAD_BLOCKS 8\n") == 1);
        CHECK(count(small, "#define PAD_FIRST_TEXELS 40\n") == 1);
        CHECK(count(small, "#define PAD_LAYER_TEXELS 264\n") == 1);
        CHECK(count(small, "#define ACT_TANH " +
                               std::to_string(static_cast<int>(core::Activation::tanh)) + "\n") ==
              1);
        CHECK(count(small, "#define ACT_LEAKY_RELU " +
                               std::to_string(static_cast<int>(core::Activation::leaky_relu)) +
                               "\n") == 1);
        CHECK(count(small, "#define ACT_IDENTITY " +
                               std::to_string(static_cast<int>(core::Activation::identity)) +
                               "\n") == 1);
        CHECK(count(small, "#define COLUMN_R " + std::to_string(gpu::kColumnR) + "\n") == 1);
        CHECK(count(small, "#define COLORMAP_LUT " + std::to_string(gpu::kColormapLut) + "\n") ==
              1);
        const std::string wide = gpu::network_fragment_source(256, target);
        CHECK(count(wide, "#define MAX_VEC4 64\n") == 1);
        CHECK(count(wide, "#define PAD_BLOCKS 0\n") == 1);
        // WebGL2 keeps the weights in rows of a 2-D texture.
        CHECK(count(wide, "#define WEB_ROW_TEXELS " + std::to_string(gpu::kWebRowTexels) + "\n") ==
              (target == gpu::ShaderTarget::webgl2 ? 1 : 0));
    }
    // What a Shadertoy shader is built on carries them too.
    CHECK(count(gpu::network_function_source(64), "#define ACT_SIN ") == 1);
}
