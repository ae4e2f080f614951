// What a windowed front end needs from OpenGL, so it makes no GL call of its own: loading the
// entry points for its context, and clearing its framebuffer.
#pragma once

#include <string>

namespace primordial::gpu {

using ProcAddress = void (*)();
using ProcLoader = ProcAddress (*)(const char* name);

// Loads OpenGL for the current context (e.g. with glfwGetProcAddress). Returns "" on success,
// else why (no context, or older than OpenGL 3.3).
std::string load_gl(ProcLoader loader);

// Clears the whole bound framebuffer of `width` x `height` pixels to a dark grey.
void clear_framebuffer(int width, int height);

}  // namespace primordial::gpu
