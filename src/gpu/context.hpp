// An offscreen OpenGL (3.3 core or newer) context: a hidden GLFW window when a display exists,
// else EGL (Mesa's surfaceless platform, then the default display). Creation never throws: it
// returns the reason, so `--backend auto` can fall back to the CPU evaluator.
#pragma once

#include <memory>
#include <string>

namespace primordial::gpu {

struct ContextOptions {
    bool try_window = true;  // hidden GLFW window (needs DISPLAY or WAYLAND_DISPLAY)
    bool try_egl = true;
    bool debug = false;  // a debug context, so KHR_debug reports every error
};

// What the current context offers; read once after creation.
struct Capabilities {
    std::string renderer, version;  // GL_RENDERER, GL_VERSION
    int major = 0, minor = 0;
    int max_texture_buffer_texels = 0;  // GL_MAX_TEXTURE_BUFFER_SIZE
    int max_renderbuffer_size = 0;
    int max_viewport[2] = {0, 0};
    bool khr_debug = false;
    bool timer_query = false;  // GL_TIME_ELAPSED queries
    // A software rasteriser (Mesa llvmpipe, softpipe, swrast): on such a context the CPU
    // evaluator renders whole images far faster than the shader (docs/PERFORMANCE.md).
    bool software() const;
};

// Reads the capabilities of the current context (glad must be loaded).
Capabilities query_capabilities();

class Context {
public:
    struct Result;
    static Result create(const ContextOptions& opt = {});
    ~Context();
    Context(const Context&) = delete;
    Context& operator=(const Context&) = delete;

    void make_current();
    const Capabilities& capabilities() const { return caps_; }
    const std::string& kind() const {
        return kind_;
    }                              // "hidden GLFW window", "EGL surfaceless", ...
    std::string describe() const;  // kind, renderer and version, one line

private:
    struct Impl;
    explicit Context(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
    Capabilities caps_;
    std::string kind_;
};

struct Context::Result {
    std::unique_ptr<Context> context;  // null on failure
    std::string error;                 // why, one line, when context is null
};

}  // namespace primordial::gpu
