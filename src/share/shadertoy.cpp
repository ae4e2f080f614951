#include "share/shadertoy.hpp"

#include <algorithm>
#include <cstdio>
#include <sstream>

#include "core/eval/fold.hpp"
#include "core/net/colormap.hpp"
#include "core/net/limits.hpp"
#include "core/net/network.hpp"
#include "core/version.hpp"
#include "gpu/network_source.hpp"
#include "gpu/weight_layout.hpp"
#include "share/caption.hpp"

namespace primordial::share {
namespace {

// A float32 as a GLSL float literal that reads back to the same value.
std::string literal(float v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.9g", static_cast<double>(v));
    std::string s = buf;
    if (s.find_first_of(".e") == std::string::npos) s += ".0";
    return s;
}

}  // namespace

std::string shadertoy_shader(const core::Params& params) {
    const core::Network net = core::build_network(params.network);
    const core::FoldedInput fold = core::fold_first_layer(net, params.view);
    // The shader's loops over blocks (bucket 64 and up), not the unrolled small-network code: that
    // one pads every layer to 8 x 8 blocks, and constants indexed at compile time make shader
    // compilers fold the whole network into the program (Mesa took minutes over 27 x 30).
    const int bucket = std::max(64, gpu::width_bucket(gpu::network_max_width(net)));
    const gpu::WeightLayout layout =
        gpu::pack_network(net, fold, gpu::pad_blocks_for_bucket(bucket));
    const auto texels = static_cast<long long>(layout.texels.size() / 4);
    if (texels > kShadertoyMaxTexels)
        throw core::InputError(
            "a Shadertoy shader holds at most " + std::to_string(kShadertoyMaxTexels) +
            " vec4 constants (65536 weights and biases, padded); this network needs " +
            std::to_string(texels) + ": share it as a web page (-o NAME.html) instead");

    std::ostringstream s;
    s << "// " << core::kSoftware << ": " << caption(params) << "\n"
      << "// A random neural network, evaluated per pixel. Written by `primordial share`; paste "
         "into\n"
      << "// the Image tab of https://www.shadertoy.com/new. Drag with the mouse to move the "
         "picture.\n"
      << "// The weights are constants: this shader computes exactly the network of the file it "
         "came\n"
      << "// from, centred at (" << params.view.center_x << ", " << params.view.center_y << ").\n\n"
      << "precision highp float;\nprecision highp int;\n"
      << "#define BAKED\n"
      << "const int u_layer_count = " << layout.layers.size() / 4 << ";\n"
      << "const int u_outputs = " << net.outputs() << ";\n"
      << "const int u_colormap = " << gpu::shader_colormap(params.colormap) << ";\n";
    const std::array<int, 4> c = gpu::shader_columns(fold);
    s << "const ivec4 u_columns = ivec4(" << c[0] << ", " << c[1] << ", " << c[2] << ", " << c[3]
      << ");\n"
      << "const vec2 u_center = vec2(" << literal(fold.center_x) << ", " << literal(fold.center_y)
      << ");\n"
      << "const float kExtent = " << literal(static_cast<float>(params.view.extent)) << ";\n";
    s << "const ivec4 kLayers[" << layout.layers.size() / 4 << "] = ivec4[](";
    for (std::size_t i = 0; i < layout.layers.size(); i += 4)
        s << (i ? ", " : "") << "ivec4(" << layout.layers[i] << ", " << layout.layers[i + 1] << ", "
          << layout.layers[i + 2] << ", " << layout.layers[i + 3] << ")";
    s << ");\nconst vec4 kWeights[" << texels << "] = vec4[](";
    for (long long i = 0; i < texels; ++i) {
        s << (i ? "," : "") << (i % 4 == 0 ? "\n    " : " ") << "vec4(";
        for (int k = 0; k < 4; ++k)
            s << (k ? ", " : "") << literal(layout.texels[static_cast<std::size_t>(4 * i + k)]);
        s << ")";
    }
    s << ");\n#define WEIGHT(i) kWeights[i]\n#define LAYER(l) kLayers[l]\n";
    if (params.colormap != core::ColorMap::grey) {
        s << "const vec3 kLut[256] = vec3[](";
        const core::ColorLut& lut = core::colormap_lut(params.colormap);
        for (int i = 0; i < 256; ++i)
            s << (i ? ", " : "") << (i % 8 == 0 ? "\n    " : "") << "vec3(" << int(lut[i][0])
              << ".0, " << int(lut[i][1]) << ".0, " << int(lut[i][2]) << ".0) / 255.0";
        s << ");\n#define LUT(i) kLut[i]\n";
    } else {
        s << "#define LUT(i) vec3(0.0)\n";
    }
    s << "\n"
      << gpu::network_function_source(bucket) << R"(
// The view: the shorter side spans 2 x kExtent; a drag moves the picture with the mouse.
void mainImage(out vec4 fragColor, in vec2 fragCoord) {
    float step = 2.0 * kExtent / min(iResolution.x, iResolution.y);
    vec2 drag = iMouse.xy - abs(iMouse.zw);
    int i = int(fragCoord.x);
    int j = int(iResolution.y) - 1 - int(fragCoord.y);
    float dx = (float(i) + 0.5 - iResolution.x * 0.5) * step - drag.x * step;
    float dy = (iResolution.y * 0.5 - float(j) - 0.5) * step - drag.y * step;
    fragColor = network_color(dx, dy);
}
)";
    return s.str();
}

std::string shadertoy_harness(const std::string& shader) {
    return R"(#version 300 es
precision highp float;
precision highp int;
uniform vec3 iResolution;
uniform float iTime;
uniform float iTimeDelta;
uniform float iFrameRate;
uniform int iFrame;
uniform float iChannelTime[4];
uniform vec3 iChannelResolution[4];
uniform vec4 iMouse;
uniform vec4 iDate;
uniform float iSampleRate;
uniform sampler2D iChannel0;
uniform sampler2D iChannel1;
uniform sampler2D iChannel2;
uniform sampler2D iChannel3;
)" + shader +
           R"(
out vec4 shadertoy_color;
void main() {
    mainImage(shadertoy_color, gl_FragCoord.xy);
    shadertoy_color.a = 1.0;
}
)";
}

}  // namespace primordial::share
