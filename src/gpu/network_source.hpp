// The network's fragment shader as source text, for each place it runs: the explorer's GL 3.3
// context and a web page's WebGL2. One body (shaders/network.frag.glsl) behind a prelude that says
// where the weights live, so every target computes the same float32 function. Pure C++, no GL.
#pragma once

#include <string>

namespace primordial::gpu {

enum class ShaderTarget { gl33, webgl2 };

// The fragment shader for networks of width bucket `bucket` (see width_bucket()).
std::string network_fragment_source(int bucket, ShaderTarget target);
// The activations and network_color() alone, for a prelude of one's own that defines MAX_VEC4,
// BAKED constants, WEIGHT, LAYER and LUT (a Shadertoy shader).
std::string network_function_source();
// The full-screen triangle's vertex shader.
std::string fullscreen_vertex_source(ShaderTarget target);

}  // namespace primordial::gpu
