#include "gpu/display.hpp"

#include "gpu/gl.hpp"

namespace primordial::gpu {

std::string load_gl(ProcLoader loader) {
    const int version = gladLoadGL(reinterpret_cast<GLADloadfunc>(loader));
    if (version == 0) return "could not load OpenGL (no current context?)";
    if (GLAD_VERSION_MAJOR(version) < 3 ||
        (GLAD_VERSION_MAJOR(version) == 3 && GLAD_VERSION_MINOR(version) < 3))
        return "OpenGL 3.3 or newer is needed, this context offers " +
               std::to_string(GLAD_VERSION_MAJOR(version)) + "." +
               std::to_string(GLAD_VERSION_MINOR(version));
    return "";
}

void clear_framebuffer(int width, int height, const std::uint8_t* rgb) {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, width, height);
    glDisable(GL_SCISSOR_TEST);
    if (rgb)
        glClearColor(rgb[0] / 255.0f, rgb[1] / 255.0f, rgb[2] / 255.0f, 1.0f);
    else
        glClearColor(0.08f, 0.08f, 0.09f, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

ImageTexture::ImageTexture(const std::uint8_t* rgb, int width, int height)
    : texture_(Texture::create()) {
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, width, height, 0, GL_RGB, GL_UNSIGNED_BYTE, rgb);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
}

void finish_drawing() {
    glFinish();
}

}  // namespace primordial::gpu
