#include "gpu/gpu_row_renderer.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include "gpu/debug.hpp"
#include "gpu/error.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {

GpuRowRenderer::GpuRowRenderer(NetworkRenderer& renderer, int width, int height, int max_tile)
    : renderer_(renderer), width_(width), height_(height) {
    const Capabilities& c = renderer.capabilities();
    max_tile_ = std::max(1, std::min({max_tile, c.max_renderbuffer_size, c.max_viewport[0],
                                      c.max_viewport[1]}));
    glGenFramebuffers(1, &fbo_);
    glGenRenderbuffers(1, &color_);
}

GpuRowRenderer::~GpuRowRenderer() {
    glDeleteRenderbuffers(1, &color_);
    glDeleteFramebuffers(1, &fbo_);
}

void GpuRowRenderer::ensure_target(int w, int h) {
    if (w <= target_w_ && h <= target_h_) return;
    target_w_ = std::max(w, target_w_);
    target_h_ = std::max(h, target_h_);
    glBindRenderbuffer(GL_RENDERBUFFER, color_);
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, target_w_, target_h_);
    glBindRenderbuffer(GL_RENDERBUFFER, 0);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, color_);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
        throw Error("the offscreen framebuffer is incomplete");
}

void GpuRowRenderer::render_rows(int row0, int row1, std::uint8_t* rgb) {
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    std::vector<std::uint8_t> rgba;
    for (int y0 = row0; y0 < row1; y0 += max_tile_) {
        const int h = std::min(max_tile_, row1 - y0);
        for (int x0 = 0; x0 < width_; x0 += max_tile_) {
            const int w = std::min(max_tile_, width_ - x0);
            ensure_target(w, h);
            renderer_.draw(width_, height_, Tile{x0, y0, w, h});
            rgba.resize(static_cast<std::size_t>(w) * h * 4);
            glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
            // GL's rows run bottom-up; the image's run top-down.
            for (int r = 0; r < h; ++r) {
                const std::uint8_t* s = rgba.data() + static_cast<std::size_t>(h - 1 - r) * w * 4;
                std::uint8_t* d = rgb + (static_cast<std::size_t>(y0 - row0 + r) * width_ + x0) * 3;
                for (int i = 0; i < w; ++i, s += 4, d += 3) std::memcpy(d, s, 3);
            }
        }
    }
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    check_gl("rendering rows on the GPU");
}

}  // namespace primordial::gpu
