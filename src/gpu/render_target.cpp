#include "gpu/render_target.hpp"

#include <algorithm>
#include <cstring>

#include "gpu/error.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {

RenderTarget::RenderTarget(int width, int height, Colour colour) : colour_(colour) {
    reserve(width, height);
}

void RenderTarget::reserve(int width, int height, Growth growth) {
    if (width <= 0 || height <= 0 || (width <= width_ && height <= height_)) return;
    if (growth == Growth::slack) {
        width_ = std::max(width, width_ + width_ / 4);
        height_ = std::max(height, height_ + height_ / 4);
    } else {
        width_ = std::max(width, width_);
        height_ = std::max(height, height_);
    }
    if (!fbo_) fbo_ = Framebuffer::create();
    GLint previous = 0;
    glGetIntegerv(GL_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_.get());
    if (colour_ == Colour::texture) {
        if (!texture_) texture_ = Texture::create();
        glBindTexture(GL_TEXTURE_2D, texture_.get());
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width_, height_, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
        glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_.get(),
                               0);
    } else {
        if (!renderbuffer_) renderbuffer_ = Renderbuffer::create();
        glBindRenderbuffer(GL_RENDERBUFFER, renderbuffer_.get());
        glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width_, height_);
        glBindRenderbuffer(GL_RENDERBUFFER, 0);
        glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                                  renderbuffer_.get());
    }
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    glBindFramebuffer(GL_FRAMEBUFFER, static_cast<GLuint>(previous));
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw Error("the offscreen framebuffer of " + std::to_string(width_) + " x " +
                    std::to_string(height_) + " pixels is incomplete");
}

void RenderTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_.get());
}

void RenderTarget::read_rgb(int x, int y, int w, int h, std::uint8_t* rgb,
                            std::size_t stride) const {
    if (stride == 0) stride = static_cast<std::size_t>(w) * 3;
    std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w) * h * 4);
    GLint previous = 0;
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.get());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous));
    for (int r = 0; r < h; ++r) {  // GL's rows grow upwards
        const std::uint8_t* s = rgba.data() + static_cast<std::size_t>(h - 1 - r) * w * 4;
        std::uint8_t* d = rgb + static_cast<std::size_t>(r) * stride;
        for (int i = 0; i < w; ++i, s += 4, d += 3) std::memcpy(d, s, 3);
    }
}

std::vector<std::uint8_t> RenderTarget::read_rgb(int x, int y, int w, int h) const {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
    read_rgb(x, y, w, h, rgb.data());
    return rgb;
}

}  // namespace primordial::gpu
