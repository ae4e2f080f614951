// A network as a Shadertoy shader: mainImage() with the weights baked in as constants, the
// explorer's network shader behind them. Paste into the Image tab of shadertoy.com/new.
#pragma once

#include <string>

#include "core/net/params.hpp"

namespace primordial::share {

// Shaders of more constants than this are refused: browsers' shader compilers take minutes over
// (or reject) larger constant arrays. 16384 vec4 = 65 536 floats: the article's 40 x 30 network
// fits, 14 x 400 does not.
inline constexpr int kShadertoyMaxTexels = 16384;

// Throws core::InputError saying the limit when the network has more weights than that.
std::string shadertoy_shader(const core::Params& params);

// What Shadertoy puts around an Image shader (GLSL ES 3.00 and its uniforms, a main() that calls
// mainImage): for compiling and drawing the shader outside Shadertoy, as the tests do.
std::string shadertoy_harness(const std::string& shader);

}  // namespace primordial::share
