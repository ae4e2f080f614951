#include "gpu/debug.hpp"

#include "gpu/error.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {
namespace {

const char* error_name(GLenum e) {
    switch (e) {
        case GL_INVALID_ENUM:
            return "GL_INVALID_ENUM";
        case GL_INVALID_VALUE:
            return "GL_INVALID_VALUE";
        case GL_INVALID_OPERATION:
            return "GL_INVALID_OPERATION";
        case GL_INVALID_FRAMEBUFFER_OPERATION:
            return "GL_INVALID_FRAMEBUFFER_OPERATION";
        case GL_OUT_OF_MEMORY:
            return "GL_OUT_OF_MEMORY";
        default:
            return "unknown GL error";
    }
}

void GLAD_API_PTR on_message(GLenum, GLenum type, GLuint, GLenum severity, GLsizei,
                             const GLchar* message, const void* user) {
    static_cast<DebugLog*>(const_cast<void*>(user))->add(type, severity, message);
}

}  // namespace

void check_gl(const char* where) {
    const GLenum e = glGetError();
    if (e == GL_NO_ERROR) return;
    while (glGetError() != GL_NO_ERROR) {
    }
    throw Error(std::string("OpenGL error in ") + where + ": " + error_name(e));
}

DebugLog::DebugLog(bool all_messages) : all_(all_messages) {
    supported_ = glDebugMessageCallback != nullptr && (GLAD_GL_KHR_debug || GLAD_GL_VERSION_4_3);
    if (!supported_) return;
    glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
    glEnable(GL_DEBUG_OUTPUT);
    glDebugMessageCallback(on_message, this);
}

DebugLog::~DebugLog() {
    if (supported_) glDebugMessageCallback(nullptr, nullptr);
}

void DebugLog::add(unsigned type, unsigned severity, const char* message) {
    if (all_ || type == GL_DEBUG_TYPE_ERROR || severity == GL_DEBUG_SEVERITY_HIGH)
        messages_.emplace_back(message ? message : "");
}

}  // namespace primordial::gpu
