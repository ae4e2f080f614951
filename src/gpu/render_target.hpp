// An offscreen RGBA8 framebuffer to draw into, bind, present from and read back: the one home of
// a framebuffer object with its colour attachment and of reading pixels back as the images of
// the rest of the program are (RGB rows, row 0 at the top; GL's rows grow upwards).
#pragma once

#include <cstdint>
#include <vector>

#include "gpu/gl_handle.hpp"

namespace primordial::gpu {

class RenderTarget {
public:
    // Where the colour lives: a renderbuffer (to draw and read back), or a texture (nearest
    // filtering, clamped) that can also be presented or blitted from.
    enum class Colour { renderbuffer, texture };
    // How reserve() grows a target too small: to just the size asked (at least the old size), or
    // by at least a quarter more, so that a window edge dragged a pixel at a time does not
    // reallocate every frame.
    enum class Growth { exact, slack };

    // No GL object until reserve(), so an unused target costs nothing.
    explicit RenderTarget(Colour colour = Colour::renderbuffer) : colour_(colour) {}
    RenderTarget(int width, int height, Colour colour = Colour::renderbuffer);

    // Makes the storage at least width x height (it never shrinks; the contents are undefined
    // after it grew; an empty size asks for nothing). Throws gpu::Error when the framebuffer is
    // incomplete.
    void reserve(int width, int height, Growth growth = Growth::exact);
    // Binds the framebuffer for drawing and reading (GL_FRAMEBUFFER); needs storage.
    void bind() const;

    int width() const { return width_; }  // of the storage, which may exceed what is drawn
    int height() const { return height_; }
    unsigned framebuffer() const { return fbo_.get(); }
    unsigned texture() const { return texture_.get(); }  // 0 for a renderbuffer target

    // Reads w x h pixels whose bottom-left is (x, y) as RGB rows, row 0 at the top, into `rgb`
    // with `stride` bytes from one row to the next (0: 3 * w). The read framebuffer binding is
    // left as it was.
    void read_rgb(int x, int y, int w, int h, std::uint8_t* rgb, std::size_t stride = 0) const;
    std::vector<std::uint8_t> read_rgb(int x, int y, int w, int h) const;

private:
    Colour colour_;
    Framebuffer fbo_;
    Texture texture_;
    Renderbuffer renderbuffer_;
    int width_ = 0, height_ = 0;
};

}  // namespace primordial::gpu
