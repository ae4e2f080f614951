#include "gpu/program.hpp"

#include "gpu/error.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {
namespace {

GLuint compile(GLenum stage, const std::string& source) {
    const GLuint s = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(s, 1, &text, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        GLint n = 0;
        glGetShaderiv(s, GL_INFO_LOG_LENGTH, &n);
        std::string log(static_cast<std::size_t>(n > 0 ? n : 1), '\0');
        glGetShaderInfoLog(s, n, nullptr, log.data());
        glDeleteShader(s);
        throw Error(std::string(stage == GL_VERTEX_SHADER ? "vertex" : "fragment") +
                    " shader does not compile: " + log.c_str());
    }
    return s;
}

}  // namespace

Program::Program(const std::string& vertex_source, const std::string& fragment_source) {
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_source);
    GLuint fs = 0;
    try {
        fs = compile(GL_FRAGMENT_SHADER, fragment_source);
    } catch (...) {
        glDeleteShader(vs);
        throw;
    }
    id_ = glCreateProgram();
    glAttachShader(id_, vs);
    glAttachShader(id_, fs);
    glLinkProgram(id_);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(id_, GL_LINK_STATUS, &ok);
    if (!ok) {
        GLint n = 0;
        glGetProgramiv(id_, GL_INFO_LOG_LENGTH, &n);
        std::string log(static_cast<std::size_t>(n > 0 ? n : 1), '\0');
        glGetProgramInfoLog(id_, n, nullptr, log.data());
        glDeleteProgram(id_);
        throw Error(std::string("shader program does not link: ") + log.c_str());
    }
}

Program::~Program() { glDeleteProgram(id_); }

int Program::uniform(const char* name) const { return glGetUniformLocation(id_, name); }

}  // namespace primordial::gpu
