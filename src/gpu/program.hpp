// A linked GLSL program, owned. Compile and link errors throw gpu::Error with the driver's log.
#pragma once

#include <string>

namespace primordial::gpu {

class Program {
public:
    Program(const std::string& vertex_source, const std::string& fragment_source);
    ~Program();
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    unsigned id() const { return id_; }
    int uniform(const char* name) const;  // -1 when the compiler removed it

private:
    unsigned id_ = 0;
};

}  // namespace primordial::gpu
