#include "gpu/program.hpp"

#include "gpu/error.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {
namespace {

// The driver's log for a shader or a program (glGetShaderiv/InfoLog or glGetProgramiv/InfoLog).
template <class GetIv, class GetLog>
std::string info_log(GLuint object, GetIv get_iv, GetLog get_log) {
    GLint n = 0;
    get_iv(object, GL_INFO_LOG_LENGTH, &n);
    std::string log(static_cast<std::size_t>(n > 0 ? n : 1), '\0');
    get_log(object, n, nullptr, log.data());
    return log.c_str();
}

GLuint compile(GLenum stage, const std::string& source) {
    const GLuint s = glCreateShader(stage);
    const char* text = source.c_str();
    glShaderSource(s, 1, &text, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = info_log(s, glGetShaderiv, glGetShaderInfoLog);
        glDeleteShader(s);
        throw Error(std::string(stage == GL_VERTEX_SHADER ? "vertex" : "fragment") +
                    " shader does not compile: " + log);
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
        const std::string log = info_log(id_, glGetProgramiv, glGetProgramInfoLog);
        glDeleteProgram(id_);
        throw Error("shader program does not link: " + log);
    }
}

Program::~Program() { glDeleteProgram(id_); }

int Program::uniform(const char* name) const { return glGetUniformLocation(id_, name); }

}  // namespace primordial::gpu
