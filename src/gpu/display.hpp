// What a windowed front end needs from OpenGL, so it makes no GL call of its own: loading the
// entry points for its context, and clearing its framebuffer.
#pragma once

#include <cstdint>
#include <string>

#include "gpu/gl_handle.hpp"

namespace primordial::gpu {

using ProcAddress = void (*)();
using ProcLoader = ProcAddress (*)(const char* name);

// Loads OpenGL for the current context (e.g. with glfwGetProcAddress). Returns "" on success,
// else why (no context, or older than OpenGL 3.3).
std::string load_gl(ProcLoader loader);

// Clears the window's framebuffer of `width` x `height` pixels to `rgb` (0-255), by default the
// explorer's dark grey.
void clear_framebuffer(int width, int height, const std::uint8_t* rgb = nullptr);

// Waits until everything drawn so far is on the framebuffer (glFinish): for timing frames.
void finish_drawing();

// A small RGB picture in a texture, for the interface to show (bookmark thumbnails): `id()` is
// what ImGui's OpenGL backend takes as a texture.
class ImageTexture {
public:
    ImageTexture(const std::uint8_t* rgb, int width, int height);
    unsigned id() const { return texture_.get(); }

private:
    Texture texture_;
};

}  // namespace primordial::gpu
