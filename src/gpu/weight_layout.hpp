// How a network's weights sit in the RGBA32F buffer texture the shader reads (see
// shaders/network.frag.glsl): per layer, ceil(out/4) bias texels, then ceil(out/4) x ceil(in/4)
// blocks of 4x4 weights, each as 4 texels (one per input column, 4 consecutive output rows).
// vec4 blocks let llvmpipe and real GPUs do four multiply-adds per fetch. Pure C++, no GL.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

#include "core/eval/fold.hpp"
#include "core/net/colormap.hpp"
#include "core/net/network.hpp"

namespace primordial::gpu {

struct WeightLayout {
    std::vector<float> texels;         // 4 floats per texel; layer 0 holds the folded first layer
    std::vector<std::int32_t> layers;  // 4 per layer: in, out, activation, first texel
    int first_layer_texels = 0;        // layer 0's texels: rewritten when the view changes
    int max_width = 0;                 // widest layer input or output, folded first layer included
};

inline int blocks(int n) {
    return (n + 3) / 4;
}
// Texels a layer of `in` inputs and `out` outputs occupies.
inline std::int64_t layer_texels(int in, int out) {
    return static_cast<std::int64_t>(blocks(out)) * (1 + 4 * static_cast<std::int64_t>(blocks(in)));
}
// Texels the whole network needs (to check against GL_MAX_TEXTURE_BUFFER_SIZE before packing).
std::int64_t network_texels(const core::Network& net, int pad_blocks = 0);

// The widest layer input or output of `net` (what WeightLayout::max_width holds), without packing.
int network_max_width(const core::Network& net);

// pad_blocks > 0 pads every layer to pad_blocks output blocks and (past layer 0, which keeps its
// one input block) pad_blocks input blocks, with zero weights and biases: the layout the fully
// unrolled small-width shader reads, where layer l > 0 starts at first_layer_texels + (l - 1) *
// layer_texels(4 * pad_blocks, 4 * pad_blocks) (PAD_FIRST_TEXELS and PAD_LAYER_TEXELS there,
// written by network_constants()). Needs every layer's width <= 4 * pad_blocks.
WeightLayout pack_network(const core::Network& net, const core::FoldedInput& fold,
                          int pad_blocks = 0);
// Layer 0's texels alone, for a view change: same size and place as in pack_network.
std::vector<float> pack_first_layer(const core::FoldedInput& fold, int pad_blocks = 0);
// The padding (in blocks) the renderer uses for a width bucket: 8 for the unrolled 32 bucket.
int pad_blocks_for_bucket(int bucket);

// The folded first layer's per-pixel columns as the shader's u_columns codes them (the shader
// reads these values as COLUMN_*, network_constants()).
inline constexpr int kColumnNone = -1, kColumnX = 0, kColumnY = 1, kColumnR = 2;
std::array<int, 4> shader_columns(const core::FoldedInput& fold);
// How the shader's u_colormap says to colour a one-output network: through the colour table
// (COLORMAP_LUT) or as grey.
inline constexpr int kColormapGrey = 0, kColormapLut = 1;
inline int shader_colormap(core::ColorMap map) {
    return map != core::ColorMap::grey ? kColormapLut : kColormapGrey;
}

// The program variant (local array size) that serves a network this wide: 32, 64, ..., 1024.
int width_bucket(int max_width);

}  // namespace primordial::gpu
