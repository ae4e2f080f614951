#include "gpu/network_source.hpp"

#include "gpu/shaders.hpp"

namespace primordial::gpu {
namespace {
std::string version(ShaderTarget target) {
    return target == ShaderTarget::gl33 ? "#version 330 core\n" : "#version 300 es\n";
}
}  // namespace

std::string network_fragment_source(int bucket, ShaderTarget target) {
    return version(target) + "#define MAX_VEC4 " + std::to_string(bucket / 4) + "\n" +
           (target == ShaderTarget::gl33 ? shaders::network_gl : shaders::network_web) +
           shaders::activation + shaders::network_frag + shaders::network_main_frag;
}

std::string network_function_source() {
    return std::string(shaders::activation) + shaders::network_frag;
}

std::string fullscreen_vertex_source(ShaderTarget target) {
    return version(target) + shaders::fullscreen_vert;
}

}  // namespace primordial::gpu
