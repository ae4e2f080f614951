#include "gpu/network_source.hpp"

#include <bit>
#include <cctype>

#include "core/net/params.hpp"
#include "gpu/shaders.hpp"
#include "gpu/weight_layout.hpp"

namespace primordial::gpu {
namespace {

static_assert(std::has_single_bit(static_cast<unsigned>(kWebRowTexels)));

std::string version(ShaderTarget target) {
    return target == ShaderTarget::gl33 ? "#version 330 core\n" : "#version 300 es\n";
}

std::string define(std::string_view name, long long value) {
    return "#define " + std::string(name) + " " + std::to_string(value) + "\n";
}

// "ACT_LEAKY_RELU" for leaky_relu: the activation's name in files, in capitals.
std::string activation_macro(std::string_view name) {
    std::string m = "ACT_";
    for (char c : name) m += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return m;
}

}  // namespace

std::string network_constants(int bucket) {
    const int pad = pad_blocks_for_bucket(bucket);
    std::string s = "// From C++ (gpu/network_source.cpp).\n" + define("MAX_VEC4", bucket / 4) +
                    define("PAD_BLOCKS", pad) +
                    define("PAD_FIRST_TEXELS", layer_texels(4, 4 * pad)) +
                    define("PAD_LAYER_TEXELS", layer_texels(4 * pad, 4 * pad));
    for (const auto& [activation, name] : core::kActivationTable)
        s += define(activation_macro(name), static_cast<int>(activation));
    s += define("COLUMN_X", kColumnX) + define("COLUMN_Y", kColumnY) +
         define("COLUMN_R", kColumnR) + define("COLORMAP_LUT", kColormapLut);
    return s;
}

std::string network_fragment_source(int bucket, ShaderTarget target) {
    std::string s = version(target) + network_constants(bucket);
    if (target == ShaderTarget::webgl2)
        s += define("WEB_ROW_TEXELS", kWebRowTexels) +
             define("WEB_ROW_SHIFT", std::countr_zero(static_cast<unsigned>(kWebRowTexels))) +
             shaders::network_web;
    else
        s += shaders::network_gl;
    return s + shaders::activation + shaders::network_frag + shaders::network_main_frag;
}

std::string network_function_source(int bucket) {
    return network_constants(bucket) + shaders::activation + shaders::network_frag;
}

std::string fullscreen_vertex_source(ShaderTarget target) {
    return version(target) + shaders::fullscreen_vert;
}

std::string present_fragment_source() {
    return version(ShaderTarget::gl33) + shaders::present_frag;
}

}  // namespace primordial::gpu
