#include "gpu/texture_presenter.hpp"

#include "gpu/gl.hpp"
#include "gpu/network_source.hpp"

namespace primordial::gpu {

TexturePresenter::TexturePresenter()
    : program_("present", fullscreen_vertex_source(ShaderTarget::gl33), present_fragment_source()),
      vao_(VertexArray::create()),
      u_image_(program_.uniform("u_image")),
      u_viewport_(program_.uniform("u_viewport")),
      u_scale_(program_.uniform("u_scale")) {}

void TexturePresenter::draw(unsigned texture, int x, int y, int w, int h, float scale_x,
                            float scale_y) const {
    glViewport(x, y, w, h);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glUseProgram(program_.id());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, texture);
    glUniform1i(u_image_, 0);
    glUniform4f(u_viewport_, float(x), float(y), float(w), float(h));
    glUniform2f(u_scale_, scale_x, scale_y);
    glBindVertexArray(vao_.get());
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

}  // namespace primordial::gpu
