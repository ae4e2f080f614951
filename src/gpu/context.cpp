#include "gpu/context.hpp"

#include "gpu/gl.hpp"  // before GLFW and EGL, which must not pull in another gl.h

#include <EGL/egl.h>
#include <EGL/eglext.h>
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>

namespace primordial::gpu {
namespace {

// GLFW is process-wide: the first Context initialises it. Neither GLFW nor the EGL display is
// terminated afterwards: that would unload Mesa, whose own small allocations LeakSanitizer then
// reports as leaks it cannot attribute; keeping them also makes a second Context cheap.
std::mutex glfw_mutex;
bool glfw_ready = false;

bool has_extension(const char* list, const char* name) {
    if (!list) return false;
    const std::size_t n = std::strlen(name);
    for (const char* p = list; (p = std::strstr(p, name)) != nullptr; p += n)
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
    return false;
}

std::string glfw_error(const char* what) {
    const char* desc = nullptr;
    glfwGetError(&desc);
    return std::string(what) + (desc ? std::string(": ") + desc : std::string());
}

std::string egl_error(const char* what) {
    char code[16];
    std::snprintf(code, sizeof code, "0x%04X", static_cast<unsigned>(eglGetError()));
    return std::string(what) + " (EGL error " + code + ")";
}

// Loads GL entry points and checks for 3.3 core; empty on success.
std::string load_gl(GLADloadfunc loader) {
    const int version = gladLoadGL(loader);
    if (version == 0) return "could not load OpenGL functions";
    const int major = GLAD_VERSION_MAJOR(version), minor = GLAD_VERSION_MINOR(version);
    if (major * 10 + minor < 33)
        return "OpenGL " + std::to_string(major) + "." + std::to_string(minor) +
               " found, 3.3 needed";
    return {};
}

}  // namespace

struct Context::Impl {
    GLFWwindow* window = nullptr;
    EGLDisplay display = EGL_NO_DISPLAY;
    EGLContext egl_context = EGL_NO_CONTEXT;
    EGLSurface surface = EGL_NO_SURFACE;

    ~Impl() {
        if (window) glfwDestroyWindow(window);
        if (display != EGL_NO_DISPLAY) {
            eglMakeCurrent(display, EGL_NO_SURFACE, EGL_NO_SURFACE, EGL_NO_CONTEXT);
            if (surface != EGL_NO_SURFACE) eglDestroySurface(display, surface);
            if (egl_context != EGL_NO_CONTEXT) eglDestroyContext(display, egl_context);
        }
    }

    // Each returns an empty string on success, else the reason.
    std::string open_window(const ContextOptions& opt) {
        const char* x11 = std::getenv("DISPLAY");
        const char* wayland = std::getenv("WAYLAND_DISPLAY");
        if ((!x11 || !*x11) && (!wayland || !*wayland)) return "no display";
        {
            std::lock_guard lock(glfw_mutex);
            if (!glfw_ready && !glfwInit()) return glfw_error("glfwInit failed");
            glfw_ready = true;
        }
        glfwDefaultWindowHints();
        glfwWindowHint(GLFW_VISIBLE, GLFW_FALSE);
        glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_API);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
        glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
        glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
        glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
        glfwWindowHint(GLFW_OPENGL_DEBUG_CONTEXT, opt.debug ? GLFW_TRUE : GLFW_FALSE);
        window = glfwCreateWindow(16, 16, "primordial offscreen", nullptr, nullptr);
        if (!window) return glfw_error("no OpenGL 3.3 core window");
        glfwMakeContextCurrent(window);
        return load_gl(reinterpret_cast<GLADloadfunc>(glfwGetProcAddress));
    }

    std::string open_egl(const ContextOptions& opt) {
        const char* client = eglQueryString(EGL_NO_DISPLAY, EGL_EXTENSIONS);
        const auto get_platform_display = reinterpret_cast<PFNEGLGETPLATFORMDISPLAYEXTPROC>(
            eglGetProcAddress("eglGetPlatformDisplayEXT"));
        if (get_platform_display && has_extension(client, "EGL_MESA_platform_surfaceless"))
            display =
                get_platform_display(EGL_PLATFORM_SURFACELESS_MESA, EGL_DEFAULT_DISPLAY, nullptr);
        if (display == EGL_NO_DISPLAY || !eglInitialize(display, nullptr, nullptr)) {
            display = eglGetDisplay(EGL_DEFAULT_DISPLAY);
            if (display == EGL_NO_DISPLAY) return egl_error("no EGL display");
            if (!eglInitialize(display, nullptr, nullptr)) {
                display = EGL_NO_DISPLAY;
                return egl_error("eglInitialize failed");
            }
        }
        if (!eglBindAPI(EGL_OPENGL_API)) return egl_error("EGL has no desktop OpenGL");
        const bool surfaceless =
            has_extension(eglQueryString(display, EGL_EXTENSIONS), "EGL_KHR_surfaceless_context");
        const EGLint config_attribs[] = {EGL_RENDERABLE_TYPE, EGL_OPENGL_BIT, EGL_SURFACE_TYPE,
                                         surfaceless ? 0 : EGL_PBUFFER_BIT, EGL_NONE};
        EGLConfig config = nullptr;
        EGLint n = 0;
        if (!eglChooseConfig(display, config_attribs, &config, 1, &n) || n < 1)
            return egl_error("no EGL config for desktop OpenGL");
        const EGLint context_attribs[] = {EGL_CONTEXT_MAJOR_VERSION,
                                          3,
                                          EGL_CONTEXT_MINOR_VERSION,
                                          3,
                                          EGL_CONTEXT_OPENGL_PROFILE_MASK,
                                          EGL_CONTEXT_OPENGL_CORE_PROFILE_BIT,
                                          EGL_CONTEXT_OPENGL_DEBUG,
                                          opt.debug ? EGL_TRUE : EGL_FALSE,
                                          EGL_NONE};
        egl_context = eglCreateContext(display, config, EGL_NO_CONTEXT, context_attribs);
        if (egl_context == EGL_NO_CONTEXT) return egl_error("no OpenGL 3.3 core EGL context");
        if (!surfaceless) {
            const EGLint pbuffer_attribs[] = {EGL_WIDTH, 16, EGL_HEIGHT, 16, EGL_NONE};
            surface = eglCreatePbufferSurface(display, config, pbuffer_attribs);
            if (surface == EGL_NO_SURFACE) return egl_error("no EGL pbuffer");
        }
        if (!eglMakeCurrent(display, surface, surface, egl_context))
            return egl_error("eglMakeCurrent failed");
        return load_gl(reinterpret_cast<GLADloadfunc>(eglGetProcAddress));
    }
};

bool Capabilities::software() const {
    for (const char* name : {"llvmpipe", "softpipe", "SWR", "swrast"})
        if (renderer.find(name) != std::string::npos) return true;
    return false;
}

Capabilities query_capabilities() {
    Capabilities c;
    const auto str = [](GLenum e) {
        const auto* s = reinterpret_cast<const char*>(glGetString(e));
        return s ? std::string(s) : std::string("?");
    };
    c.renderer = str(GL_RENDERER);
    c.version = str(GL_VERSION);
    glGetIntegerv(GL_MAJOR_VERSION, &c.major);
    glGetIntegerv(GL_MINOR_VERSION, &c.minor);
    glGetIntegerv(GL_MAX_TEXTURE_BUFFER_SIZE, &c.max_texture_buffer_texels);
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &c.max_renderbuffer_size);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, c.max_viewport);
    c.khr_debug = GLAD_GL_KHR_debug || GLAD_GL_VERSION_4_3;
    // Timer queries are core in 3.3; the check guards drivers that leave them out.
    c.timer_query = (GLAD_GL_VERSION_3_3 || GLAD_GL_ARB_timer_query) && glGenQueries &&
                    glQueryCounter && glGetQueryObjectui64v;
    return c;
}

Context::Context(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Context::~Context() = default;

Context::Result Context::create(const ContextOptions& opt) {
    std::string reasons;
    const auto note = [&](const char* kind, const std::string& why) {
        reasons += (reasons.empty() ? "" : "; ") + std::string(kind) + ": " + why;
    };
    if (opt.try_window) {
        auto impl = std::make_unique<Impl>();
        if (const std::string e = impl->open_window(opt); e.empty()) {
            std::unique_ptr<Context> c(new Context(std::move(impl)));
            c->kind_ = "hidden GLFW window";
            c->caps_ = query_capabilities();
            return {std::move(c), {}};
        } else {
            note("hidden window", e);
        }
    }
    if (opt.try_egl) {
        auto impl = std::make_unique<Impl>();
        if (const std::string e = impl->open_egl(opt); e.empty()) {
            const bool surfaceless = impl->surface == EGL_NO_SURFACE;
            std::unique_ptr<Context> c(new Context(std::move(impl)));
            c->kind_ = surfaceless ? "EGL surfaceless" : "EGL pbuffer";
            c->caps_ = query_capabilities();
            return {std::move(c), {}};
        } else {
            note("EGL", e);
        }
    }
    if (reasons.empty()) reasons = "every context kind disabled";
    return {nullptr, "no OpenGL 3.3 context (" + reasons + ")"};
}

void Context::make_current() {
    if (impl_->window)
        glfwMakeContextCurrent(impl_->window);
    else
        eglMakeCurrent(impl_->display, impl_->surface, impl_->surface, impl_->egl_context);
}

std::string Context::describe() const {
    return kind_ + ", " + caps_.renderer + ", OpenGL " + caps_.version;
}

}  // namespace primordial::gpu
