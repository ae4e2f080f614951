// Draws a texture into a viewport of the bound framebuffer, scaled with nearest filtering (coarse
// levels show as blocks, never blurred guesses): how both engines and a sheet's plot tiles put a
// finished picture on screen. One program for a context, owned by the NetworkRenderer, so a sheet
// of 64 tiles links one present program rather than one per tile.
#pragma once

#include "gpu/gl_handle.hpp"
#include "gpu/program.hpp"

namespace primordial::gpu {

class TexturePresenter {
public:
    TexturePresenter();
    TexturePresenter(const TexturePresenter&) = delete;
    TexturePresenter& operator=(const TexturePresenter&) = delete;

    // `scale_x`, `scale_y`: the share of the texture the picture fills (a level in a larger one).
    void draw(unsigned texture, int x, int y, int w, int h, float scale_x = 1,
              float scale_y = 1) const;

private:
    Program program_;
    VertexArray vao_;
    int u_image_, u_viewport_, u_scale_;
};

}  // namespace primordial::gpu
