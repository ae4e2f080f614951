#include "gpu/gl_handle.hpp"

#include "gpu/gl.hpp"

namespace primordial::gpu::gl_object {

unsigned Texture::create() {
    GLuint id = 0;
    glGenTextures(1, &id);
    return id;
}
void Texture::destroy(unsigned id) {
    glDeleteTextures(1, &id);
}

unsigned Buffer::create() {
    GLuint id = 0;
    glGenBuffers(1, &id);
    return id;
}
void Buffer::destroy(unsigned id) {
    glDeleteBuffers(1, &id);
}

unsigned Framebuffer::create() {
    GLuint id = 0;
    glGenFramebuffers(1, &id);
    return id;
}
void Framebuffer::destroy(unsigned id) {
    glDeleteFramebuffers(1, &id);
}

unsigned Renderbuffer::create() {
    GLuint id = 0;
    glGenRenderbuffers(1, &id);
    return id;
}
void Renderbuffer::destroy(unsigned id) {
    glDeleteRenderbuffers(1, &id);
}

unsigned VertexArray::create() {
    GLuint id = 0;
    glGenVertexArrays(1, &id);
    return id;
}
void VertexArray::destroy(unsigned id) {
    glDeleteVertexArrays(1, &id);
}

unsigned Query::create() {
    GLuint id = 0;
    glGenQueries(1, &id);
    return id;
}
void Query::destroy(unsigned id) {
    glDeleteQueries(1, &id);
}

void Shader::destroy(unsigned id) {
    glDeleteShader(id);
}

void Program::destroy(unsigned id) {
    glDeleteProgram(id);
}

}  // namespace primordial::gpu::gl_object
