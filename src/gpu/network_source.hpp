// The network's fragment shader as source text, for each place it runs: the explorer's GL 3.3
// context and a web page's WebGL2. One body (shaders/network.frag.glsl) behind a prelude that says
// where the weights live, so every target computes the same float32 function. The values the
// shaders share with C++ (codes, the padded layout's strides) are #define lines written here from
// the C++ constants, never copied into a .glsl file. Pure C++, no GL.
#pragma once

#include <string>

namespace primordial::gpu {

enum class ShaderTarget { gl33, webgl2 };

// WebGL2 has no buffer textures: a web page's weights are rows of this many texels in a 2-D
// texture (a power of two: the shader splits an index with a mask and a shift).
inline constexpr int kWebRowTexels = 4096;

// The #define lines of C++'s values for the network shader of width bucket `bucket` (see
// width_bucket()): MAX_VEC4, the padded layout's PAD_BLOCKS, PAD_FIRST_TEXELS and
// PAD_LAYER_TEXELS (gpu::pack_network), the activation codes ACT_* (core::Activation), the
// folded columns' COLUMN_* (shader_columns) and COLORMAP_LUT (shader_colormap).
std::string network_constants(int bucket);
// The fragment shader for networks of width bucket `bucket`.
std::string network_fragment_source(int bucket, ShaderTarget target);
// network_constants, the activations and network_color(), for a prelude of one's own that
// defines BAKED constants, WEIGHT, LAYER and LUT (a Shadertoy shader).
std::string network_function_source(int bucket);
// The full-screen triangle's vertex shader.
std::string fullscreen_vertex_source(ShaderTarget target);
// The present program's fragment shader (gpu::TexturePresenter), for GL 3.3.
std::string present_fragment_source();

}  // namespace primordial::gpu
