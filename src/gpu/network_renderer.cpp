#include "gpu/network_renderer.hpp"

#include <chrono>
#include <string>

#include "core/evaluate.hpp"
#include "core/fold.hpp"
#include "gpu/debug.hpp"
#include "gpu/error.hpp"
#include "gpu/gl.hpp"
#include "gpu/shaders.hpp"
#include "gpu/weight_layout.hpp"

namespace primordial::gpu {
namespace {

bool same_network(const core::Network& a, const core::Network& b) {
    if (a.inputs != b.inputs || a.layers.size() != b.layers.size()) return false;
    for (std::size_t l = 0; l < a.layers.size(); ++l) {
        const core::Layer &x = a.layers[l], &y = b.layers[l];
        if (x.in != y.in || x.out != y.out || x.activation != y.activation ||
            x.weights != y.weights || x.biases != y.biases)
            return false;
    }
    return true;
}

// Folded input column codes the shader understands.
int column_code(core::Input i) {
    switch (i) {
        case core::Input::x: return 0;
        case core::Input::y: return 1;
        case core::Input::r: return 2;
        case core::Input::z: return -1;
    }
    return -1;
}

}  // namespace

struct NetworkRenderer::Variant {
    std::unique_ptr<Program> program;
    int layer_count, outputs, colormap, columns, center, step, image, level, tile, tile_height, origin;

    explicit Variant(int bucket) {
        const std::string version = "#version 330 core\n";
        program = std::make_unique<Program>(
            version + shaders::fullscreen_vert,
            version + "#define MAX_VEC4 " + std::to_string(bucket / 4) + "\n" +
                shaders::activation + shaders::network_frag);
        const auto u = [&](const char* n) { return program->uniform(n); };
        layer_count = u("u_layer_count");
        outputs = u("u_outputs");
        colormap = u("u_colormap");
        columns = u("u_columns");
        center = u("u_center");
        step = u("u_step");
        image = u("u_image");
        level = u("u_level");
        tile = u("u_tile");
        tile_height = u("u_tile_height");
        origin = u("u_origin");
        glUseProgram(program->id());
        glUniform1i(u("u_weights"), 0);
        glUniform1i(u("u_layers"), 1);
        glUniform1i(u("u_lut"), 2);
    }
};

NetworkRenderer::NetworkRenderer() : caps_(query_capabilities()) {
    glGenVertexArrays(1, &vao_);
    glGenBuffers(1, &weight_buffer_);
    glGenBuffers(1, &layer_buffer_);
    glGenTextures(1, &weight_texture_);
    glGenTextures(1, &layer_texture_);
    glGenTextures(1, &lut_texture_);
    set_colormap_texture(core::ColorMap::grey);
    check_gl("creating the renderer's objects");
}

NetworkRenderer::~NetworkRenderer() {
    programs_.clear();
    glDeleteTextures(1, &weight_texture_);
    glDeleteTextures(1, &layer_texture_);
    glDeleteTextures(1, &lut_texture_);
    glDeleteBuffers(1, &weight_buffer_);
    glDeleteBuffers(1, &layer_buffer_);
    glDeleteVertexArrays(1, &vao_);
}

void NetworkRenderer::set_network(const core::Network& net) {
    if (net_ && same_network(*net_, net)) return;
    const int bucket = width_bucket(network_max_width(net));
    const int pad = pad_blocks_for_bucket(bucket);
    const std::int64_t texels = network_texels(net, pad);
    if (texels > caps_.max_texture_buffer_texels)
        throw Error("the network needs " + std::to_string(texels) +
                    " RGBA32F texels but this OpenGL allows " +
                    std::to_string(caps_.max_texture_buffer_texels) +
                    " (GL_MAX_TEXTURE_BUFFER_SIZE); use fewer or narrower layers, or the CPU");
    if (net.layers.empty() || net.outputs() > 4)
        throw Error("the GPU renderer needs 1 to 4 outputs and at least one layer");
    const core::FoldedInput fold = core::fold_first_layer(net, view_);
    const WeightLayout w = pack_network(net, fold, pad);
    glBindBuffer(GL_TEXTURE_BUFFER, weight_buffer_);
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(w.texels.size() * sizeof(float)),
                 w.texels.data(), GL_STATIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, weight_texture_);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, weight_buffer_);
    glBindBuffer(GL_TEXTURE_BUFFER, layer_buffer_);
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(w.layers.size() * sizeof(std::int32_t)),
                 w.layers.data(), GL_STATIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, layer_texture_);
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32I, layer_buffer_);
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    check_gl("uploading the weights");
    net_ = net;
    keep_fold(fold);
    bucket_ = bucket;
    pad_blocks_ = pad;
    layer_count_ = static_cast<int>(net.layers.size());
}

void NetworkRenderer::set_colormap(core::ColorMap map) {
    if (map == colormap_) return;
    set_colormap_texture(map);
}

void NetworkRenderer::set_colormap_texture(core::ColorMap map) {
    const core::ColorLut& lut = core::colormap_lut(map);
    std::uint8_t rgba[256 * 4];
    for (int i = 0; i < 256; ++i) {
        for (int c = 0; c < 3; ++c) rgba[i * 4 + c] = lut[i][c];
        rgba[i * 4 + 3] = 255;
    }
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, lut_texture_);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glActiveTexture(GL_TEXTURE0);
    colormap_ = map;
}

void NetworkRenderer::set_view(const core::ViewParams& view) {
    if (view == view_) return;
    view_ = view;
    if (!net_) return;
    // Layer 0 (the folded first layer) sits at the buffer's start with a size that depends only
    // on the network, so a view change rewrites it in place.
    const core::FoldedInput fold = core::fold_first_layer(*net_, view_);
    const std::vector<float> t = pack_first_layer(fold, pad_blocks_);
    glBindBuffer(GL_TEXTURE_BUFFER, weight_buffer_);
    glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(t.size() * sizeof(float)),
                    t.data());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    check_gl("uploading the folded first layer");
    keep_fold(fold);
}

void NetworkRenderer::keep_fold(const core::FoldedInput& fold) {
    for (int c = 0; c < 4; ++c)
        columns_[c] = c < static_cast<int>(fold.columns.size()) ? column_code(fold.columns[c]) : -1;
    center_[0] = fold.center_x;
    center_[1] = fold.center_y;
}

NetworkRenderer::Variant& NetworkRenderer::variant() {
    auto& v = programs_[bucket_];
    if (!v) {
        try {
            v = std::make_unique<Variant>(bucket_);
        } catch (...) {
            programs_.erase(bucket_);
            throw;
        }
    }
    return *v;
}

double NetworkRenderer::prepare() {
    if (!net_) throw Error("no network to render");
    if (programs_.count(bucket_)) return 0.0;
    const auto start = std::chrono::steady_clock::now();
    variant();
    glFinish();  // some drivers compile lazily
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

void NetworkRenderer::draw(int width, int height, const Tile& tile, int level, int dst_x,
                           int dst_y) {
    if (!net_) throw Error("no network to render");
    if (level < 0 || level > 15) throw Error("level must be between 0 and 15");
    const int lw = level_size(width, level), lh = level_size(height, level);
    if (tile.width <= 0 || tile.height <= 0 || tile.x < 0 || tile.y < 0 ||
        tile.x + tile.width > lw || tile.y + tile.height > lh)
        throw Error("tile outside the image");
    Variant& v = variant();

    glDisable(GL_BLEND);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_SCISSOR_TEST);
    glViewport(dst_x, dst_y, tile.width, tile.height);
    glUseProgram(v.program->id());
    glBindVertexArray(vao_);
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, lut_texture_);
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, layer_texture_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_BUFFER, weight_texture_);
    glUniform1i(v.layer_count, layer_count_);
    glUniform1i(v.outputs, net_->outputs());
    glUniform1i(v.colormap, colormap_ != core::ColorMap::grey ? 1 : 0);
    glUniform4i(v.columns, columns_[0], columns_[1], columns_[2], columns_[3]);
    glUniform2f(v.center, center_[0], center_[1]);
    glUniform1f(v.step, core::Evaluator::pixel_step(view_, width, height));
    glUniform2i(v.image, width, height);
    glUniform1i(v.level, level);
    glUniform2i(v.tile, tile.x, tile.y);
    glUniform1i(v.tile_height, tile.height);
    glUniform2i(v.origin, dst_x, dst_y);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

}  // namespace primordial::gpu
