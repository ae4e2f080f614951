#include "gpu/gpu_row_renderer.hpp"

#include <algorithm>

#include "gpu/debug.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {

GpuRowRenderer::GpuRowRenderer(NetworkRenderer& renderer, int width, int height, int max_tile)
    : renderer_(renderer), width_(width), height_(height) {
    const Capabilities& c = renderer.capabilities();
    max_tile_ = std::max(
        1, std::min({max_tile, c.max_renderbuffer_size, c.max_viewport[0], c.max_viewport[1]}));
}

void GpuRowRenderer::render_rows(int row0, int row1, std::uint8_t* rgb) {
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    for (int y0 = row0; y0 < row1; y0 += max_tile_) {
        const int h = std::min(max_tile_, row1 - y0);
        for (int x0 = 0; x0 < width_; x0 += max_tile_) {
            const int w = std::min(max_tile_, width_ - x0);
            target_.reserve(w, h);
            target_.bind();
            renderer_.draw(width_, height_, Tile{x0, y0, w, h});
            target_.read_rgb(0, 0, w, h,
                             rgb + (static_cast<std::size_t>(y0 - row0) * width_ + x0) * 3,
                             static_cast<std::size_t>(width_) * 3);
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    check_gl("rendering rows on the GPU");
}

}  // namespace primordial::gpu
