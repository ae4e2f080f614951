// A linked GLSL program, owned. Compile and link errors throw gpu::Error with the driver's log.
// Its uniforms are read once, at link: asking for one it does not have (a misspelt name, or one
// the compiler removed as unused) is an error naming the uniform and the program, never a
// silent -1 that glUniform* would ignore.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "gpu/gl_handle.hpp"

namespace primordial::gpu {

class Program {
public:
    // `name` says which program in messages ("present", "network, width bucket 64").
    Program(std::string name, const std::string& vertex_source, const std::string& fragment_source);

    unsigned id() const { return id_.get(); }
    const std::string& name() const { return name_; }
    // The location of an active uniform; throws gpu::Error when the program has none of that name.
    int uniform(std::string_view name) const;
    // The location, or -1 for a uniform a compiler may rightly remove (one the shader declares
    // for an interface it need not use), which glUniform* then ignores.
    int optional_uniform(std::string_view name) const;

    // Programs linked in this process so far (tests count them: one present program a context).
    static int links();

private:
    std::string name_;
    ProgramHandle id_;
    std::map<std::string, int, std::less<>> uniforms_;  // every active uniform, by name
};

}  // namespace primordial::gpu
