#include "gpu/program.hpp"

#include <algorithm>
#include <atomic>
#include <vector>

#include "gpu/error.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {
namespace {

std::atomic<int> link_count{0};

// The driver's log for a shader or a program (glGetShaderiv/InfoLog or glGetProgramiv/InfoLog).
template <class GetIv, class GetLog>
std::string info_log(GLuint object, GetIv get_iv, GetLog get_log) {
    GLint n = 0;
    get_iv(object, GL_INFO_LOG_LENGTH, &n);
    std::string log(static_cast<std::size_t>(n > 0 ? n : 1), '\0');
    get_log(object, n, nullptr, log.data());
    return log.c_str();
}

ShaderHandle compile(GLenum stage, const std::string& source, const std::string& program) {
    ShaderHandle s(glCreateShader(stage));
    const char* text = source.c_str();
    glShaderSource(s.get(), 1, &text, nullptr);
    glCompileShader(s.get());
    GLint ok = 0;
    glGetShaderiv(s.get(), GL_COMPILE_STATUS, &ok);
    if (!ok)
        throw Error(std::string(stage == GL_VERTEX_SHADER ? "vertex" : "fragment") +
                    " shader of the " + program + " program does not compile: " +
                    info_log(s.get(), glGetShaderiv, glGetShaderInfoLog));
    return s;
}

// Name -> location of every active uniform. Arrays are listed as "name[0]"; they are also
// found by their bare name, as glGetUniformLocation finds them.
std::map<std::string, int, std::less<>> active_uniforms(GLuint program) {
    std::map<std::string, int, std::less<>> out;
    GLint count = 0, longest = 0;
    glGetProgramiv(program, GL_ACTIVE_UNIFORMS, &count);
    glGetProgramiv(program, GL_ACTIVE_UNIFORM_MAX_LENGTH, &longest);
    std::vector<char> name(static_cast<std::size_t>(std::max(longest, 1)));
    for (GLint i = 0; i < count; ++i) {
        GLsizei length = 0;
        GLint size = 0;
        GLenum type = 0;
        glGetActiveUniform(program, static_cast<GLuint>(i), longest, &length, &size, &type,
                           name.data());
        std::string n(name.data(), static_cast<std::size_t>(length));
        const GLint location = glGetUniformLocation(program, n.c_str());
        if (location < 0) continue;  // in a uniform block: not set with glUniform*
        if (n.size() > 3 && n.ends_with("[0]")) out.emplace(n.substr(0, n.size() - 3), location);
        out.emplace(std::move(n), location);
    }
    return out;
}

}  // namespace

Program::Program(std::string name, const std::string& vertex_source,
                 const std::string& fragment_source)
    : name_(std::move(name)) {
    const ShaderHandle vs = compile(GL_VERTEX_SHADER, vertex_source, name_);
    const ShaderHandle fs = compile(GL_FRAGMENT_SHADER, fragment_source, name_);
    ProgramHandle p(glCreateProgram());
    glAttachShader(p.get(), vs.get());
    glAttachShader(p.get(), fs.get());
    glLinkProgram(p.get());
    GLint ok = 0;
    glGetProgramiv(p.get(), GL_LINK_STATUS, &ok);
    if (!ok)
        throw Error("the " + name_ + " shader program does not link: " +
                    info_log(p.get(), glGetProgramiv, glGetProgramInfoLog));
    // The shaders go with their handles; the linked program keeps what it needs of them.
    glDetachShader(p.get(), vs.get());
    glDetachShader(p.get(), fs.get());
    uniforms_ = active_uniforms(p.get());
    id_ = std::move(p);
    ++link_count;
}

int Program::uniform(std::string_view name) const {
    const auto it = uniforms_.find(name);
    if (it == uniforms_.end())
        throw Error("the " + name_ + " shader program has no active uniform \"" +
                    std::string(name) + "\" (misspelt, or removed by the GLSL compiler as unused)");
    return it->second;
}

int Program::optional_uniform(std::string_view name) const {
    const auto it = uniforms_.find(name);
    return it == uniforms_.end() ? -1 : it->second;
}

int Program::links() {
    return link_count.load();
}

}  // namespace primordial::gpu
