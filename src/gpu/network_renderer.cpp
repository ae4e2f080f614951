#include "gpu/network_renderer.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <string>

#include "core/eval/evaluate.hpp"
#include "core/eval/fold.hpp"
#include "gpu/debug.hpp"
#include "gpu/error.hpp"
#include "gpu/gl.hpp"
#include "gpu/network_source.hpp"
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

}  // namespace

struct NetworkRenderer::Variant {
    Program program;
    // Every uniform the shader reads, looked up once at link (a missing one throws there).
    int layer_count, outputs, colormap, columns, center, step, image, level, tile, tile_height,
        origin;

    explicit Variant(int bucket)
        : program("network (width bucket " + std::to_string(bucket) + ")",
                  fullscreen_vertex_source(ShaderTarget::gl33),
                  network_fragment_source(bucket, ShaderTarget::gl33)),
          layer_count(program.uniform("u_layer_count")),
          outputs(program.uniform("u_outputs")),
          colormap(program.uniform("u_colormap")),
          columns(program.uniform("u_columns")),
          center(program.uniform("u_center")),
          step(program.uniform("u_step")),
          image(program.uniform("u_image")),
          level(program.uniform("u_level")),
          tile(program.uniform("u_tile")),
          tile_height(program.uniform("u_tile_height")),
          origin(program.uniform("u_origin")) {
        // The texture units draw() binds them to, set once.
        glUseProgram(program.id());
        glUniform1i(program.uniform("u_weights"), 0);
        glUniform1i(program.uniform("u_layers"), 1);
        glUniform1i(program.uniform("u_lut"), 2);
    }
};

struct NetworkRenderer::Slot {
    core::Network net;
    core::ViewParams view;
    Buffer weight_buffer = Buffer::create(), layer_buffer = Buffer::create();
    Texture weight_texture = Texture::create(), layer_texture = Texture::create();
    int bucket = 32;
    int pad_blocks = 0;  // weight layout padding (gpu::pack_network) the bucket's program reads
    int layer_count = 0;
    int columns[4] = {-1, -1, -1, -1};  // folded input columns as the shader codes them
    float center[2] = {0, 0};
    std::size_t bytes = 0;
    std::uint64_t used = 0;
    std::uint64_t ticket = 0;

    void keep_fold(const core::FoldedInput& fold) {
        const std::array<int, 4> codes = shader_columns(fold);
        std::copy(codes.begin(), codes.end(), columns);
        center[0] = fold.center_x;
        center[1] = fold.center_y;
    }
};

NetworkRenderer::NetworkRenderer()
    : caps_(query_capabilities()), lut_texture_(Texture::create()), vao_(VertexArray::create()) {
    set_colormap_texture(core::ColorMap::grey);
    check_gl("creating the renderer's objects");
}

NetworkRenderer::~NetworkRenderer() = default;

std::unique_ptr<NetworkRenderer::Slot> NetworkRenderer::evict() {
    std::size_t total = 0;  // what stays besides the incoming network
    for (const auto& s : slots_) total += s->bytes;
    std::unique_ptr<Slot> freed;
    while (!slots_.empty() && (slots_.size() >= kMaxHeld || total > cache_bytes_)) {
        auto oldest =
            std::min_element(slots_.begin(), slots_.end(),
                             [](const auto& a, const auto& b) { return a->used < b->used; });
        total -= (*oldest)->bytes;
        if (oldest->get() == cur_) cur_ = nullptr;
        freed = std::move(*oldest);
        slots_.erase(oldest);
    }
    return freed;
}

void NetworkRenderer::set_cache_bytes(std::size_t bytes) {
    cache_bytes_ = bytes;
    std::size_t others = 0;
    for (const auto& s : slots_)
        if (s.get() != cur_) others += s->bytes;
    while (others > cache_bytes_) {
        auto oldest = slots_.end();
        for (auto it = slots_.begin(); it != slots_.end(); ++it)
            if (it->get() != cur_ && (oldest == slots_.end() || (*it)->used < (*oldest)->used))
                oldest = it;
        others -= (*oldest)->bytes;
        slots_.erase(oldest);
    }
}

void NetworkRenderer::set_network(const core::Network& net) {
    if (cur_ && same_network(cur_->net, net)) {
        cur_->used = ++clock_;
        return;
    }
    for (const auto& s : slots_)
        if (same_network(s->net, net)) {
            cur_ = s.get();
            cur_->used = ++clock_;
            if (!(cur_->view == view_)) fold_into(*cur_);
            return;
        }
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
    const std::size_t bytes =
        w.texels.size() * sizeof(float) + w.layers.size() * sizeof(std::int32_t);
    std::unique_ptr<Slot> slot = evict();
    if (!slot) slot = std::make_unique<Slot>();
    glBindBuffer(GL_TEXTURE_BUFFER, slot->weight_buffer.get());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(w.texels.size() * sizeof(float)),
                 w.texels.data(), GL_STATIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, slot->weight_texture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32F, slot->weight_buffer.get());
    glBindBuffer(GL_TEXTURE_BUFFER, slot->layer_buffer.get());
    glBufferData(GL_TEXTURE_BUFFER, static_cast<GLsizeiptr>(w.layers.size() * sizeof(std::int32_t)),
                 w.layers.data(), GL_STATIC_DRAW);
    glBindTexture(GL_TEXTURE_BUFFER, slot->layer_texture.get());
    glTexBuffer(GL_TEXTURE_BUFFER, GL_RGBA32I, slot->layer_buffer.get());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    check_gl("uploading the weights");
    slot->net = net;
    slot->view = view_;
    slot->keep_fold(fold);
    slot->bucket = bucket;
    slot->pad_blocks = pad;
    slot->layer_count = static_cast<int>(net.layers.size());
    slot->bytes = bytes;
    slot->used = ++clock_;
    slot->ticket = ++uploads_;
    cur_ = slot.get();
    slots_.push_back(std::move(slot));
}

std::uint64_t NetworkRenderer::ticket() const {
    return cur_ ? cur_->ticket : 0;
}

bool NetworkRenderer::use_uploaded(std::uint64_t ticket) {
    if (ticket == 0) return false;
    if (cur_ && cur_->ticket == ticket) return true;
    for (const auto& s : slots_)
        if (s->ticket == ticket) {
            cur_ = s.get();
            cur_->used = ++clock_;
            if (!(cur_->view == view_)) fold_into(*cur_);
            return true;
        }
    return false;
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
    glBindTexture(GL_TEXTURE_2D, lut_texture_.get());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, 256, 1, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glActiveTexture(GL_TEXTURE0);
    colormap_ = map;
}

void NetworkRenderer::set_view(const core::ViewParams& view) {
    view_ = view;
    if (cur_ && !(cur_->view == view_)) fold_into(*cur_);
}

void NetworkRenderer::fold_into(Slot& s) {
    // Layer 0 (the folded first layer) sits at the buffer's start with a size that depends only
    // on the network, so a view change rewrites it in place.
    const core::FoldedInput fold = core::fold_first_layer(s.net, view_);
    const std::vector<float> t = pack_first_layer(fold, s.pad_blocks);
    glBindBuffer(GL_TEXTURE_BUFFER, s.weight_buffer.get());
    glBufferSubData(GL_TEXTURE_BUFFER, 0, static_cast<GLsizeiptr>(t.size() * sizeof(float)),
                    t.data());
    glBindBuffer(GL_TEXTURE_BUFFER, 0);
    check_gl("uploading the folded first layer");
    s.keep_fold(fold);
    s.view = view_;
}

NetworkRenderer::Variant& NetworkRenderer::variant() {
    const int bucket = cur_->bucket;
    auto& v = programs_[bucket];
    if (!v) {
        try {
            v = std::make_unique<Variant>(bucket);
        } catch (...) {
            programs_.erase(bucket);
            throw;
        }
    }
    return *v;
}

double NetworkRenderer::prepare() {
    if (!cur_) throw Error("no network to render");
    if (programs_.count(cur_->bucket)) return 0.0;
    const auto start = std::chrono::steady_clock::now();
    variant();
    glFinish();  // some drivers compile lazily
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
        .count();
}

void NetworkRenderer::draw(int width, int height, const Tile& tile, int level, int dst_x,
                           int dst_y) {
    if (!cur_) throw Error("no network to render");
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
    glUseProgram(v.program.id());
    glBindVertexArray(vao_.get());
    glActiveTexture(GL_TEXTURE2);
    glBindTexture(GL_TEXTURE_2D, lut_texture_.get());
    glActiveTexture(GL_TEXTURE1);
    glBindTexture(GL_TEXTURE_BUFFER, cur_->layer_texture.get());
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_BUFFER, cur_->weight_texture.get());
    glUniform1i(v.layer_count, cur_->layer_count);
    glUniform1i(v.outputs, cur_->net.outputs());
    glUniform1i(v.colormap, shader_colormap(colormap_));
    glUniform4i(v.columns, cur_->columns[0], cur_->columns[1], cur_->columns[2], cur_->columns[3]);
    glUniform2f(v.center, cur_->center[0], cur_->center[1]);
    glUniform1f(v.step, core::Evaluator::pixel_step(view_, width, height));
    glUniform2i(v.image, width, height);
    glUniform1i(v.level, level);
    glUniform2i(v.tile, tile.x, tile.y);
    glUniform1i(v.tile_height, tile.height);
    glUniform2i(v.origin, dst_x, dst_y);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
}

const TexturePresenter& NetworkRenderer::presenter() {
    if (!presenter_) presenter_ = std::make_unique<TexturePresenter>();
    return *presenter_;
}

}  // namespace primordial::gpu
