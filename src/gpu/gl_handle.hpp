// One owner for each GL object: a move-only handle that deletes its object when it goes, so no
// struct that holds a texture, buffer, framebuffer, renderbuffer, program, shader, vertex array
// or query can be copied into a second owner (and a double delete). Needs a current context
// wherever a handle is made or dies. GL itself stays in gl_handle.cpp: this header is included
// by front ends, which make no GL calls.
#pragma once

#include <utility>

namespace primordial::gpu {

// How each kind of object is made (glGen*, when it takes no argument) and deleted (glDelete*).
namespace gl_object {
struct Texture {
    static unsigned create();
    static void destroy(unsigned id);
};
struct Buffer {
    static unsigned create();
    static void destroy(unsigned id);
};
struct Framebuffer {
    static unsigned create();
    static void destroy(unsigned id);
};
struct Renderbuffer {
    static unsigned create();
    static void destroy(unsigned id);
};
struct VertexArray {
    static unsigned create();
    static void destroy(unsigned id);
};
struct Query {
    static unsigned create();
    static void destroy(unsigned id);
};
struct Shader {  // made by glCreateShader(stage): adopted
    static void destroy(unsigned id);
};
struct Program {  // made by glCreateProgram(): adopted
    static void destroy(unsigned id);
};
}  // namespace gl_object

template <class Kind>
class GlHandle {
public:
    GlHandle() = default;                        // no object
    explicit GlHandle(unsigned id) : id_(id) {}  // adopts `id`
    // A new object (kinds made by glGen*; shaders and programs are adopted instead).
    static GlHandle create() { return GlHandle(Kind::create()); }
    ~GlHandle() { reset(); }
    GlHandle(GlHandle&& o) noexcept : id_(std::exchange(o.id_, 0)) {}
    GlHandle& operator=(GlHandle&& o) noexcept {
        if (this != &o) reset(std::exchange(o.id_, 0));
        return *this;
    }
    GlHandle(const GlHandle&) = delete;
    GlHandle& operator=(const GlHandle&) = delete;

    unsigned get() const { return id_; }
    explicit operator bool() const { return id_ != 0; }
    // Deletes the object held (if any) and holds `id` instead.
    void reset(unsigned id = 0) {
        if (id_) Kind::destroy(id_);
        id_ = id;
    }

private:
    unsigned id_ = 0;
};

using Texture = GlHandle<gl_object::Texture>;
using Buffer = GlHandle<gl_object::Buffer>;
using Framebuffer = GlHandle<gl_object::Framebuffer>;
using Renderbuffer = GlHandle<gl_object::Renderbuffer>;
using VertexArray = GlHandle<gl_object::VertexArray>;
using Query = GlHandle<gl_object::Query>;
using ShaderHandle = GlHandle<gl_object::Shader>;
using ProgramHandle = GlHandle<gl_object::Program>;

}  // namespace primordial::gpu
