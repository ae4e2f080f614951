// Draws a network's picture with the fragment shader into the bound framebuffer, any tile of the
// image at any reduced-resolution level. Weights live in a buffer texture uploaded only when the
// network changes; a view change re-folds the first layer on the host (in double) and uploads a
// few kilobytes. Recently used networks stay uploaded (within a memory bound), so a view of many
// tiles switches between its networks without uploading them again. Needs a current OpenGL 3.3
// context with glad loaded (gpu::Context, or the explorer's own window).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <vector>

#include "core/eval/fold.hpp"
#include "core/net/network.hpp"
#include "core/net/params.hpp"
#include "gpu/context.hpp"
#include "gpu/gl_handle.hpp"
#include "gpu/program.hpp"
#include "gpu/texture_presenter.hpp"

namespace primordial::gpu {

// A rectangle of the level-k image in its own pixels, row 0 at the top.
struct Tile {
    int x = 0, y = 0, width = 0, height = 0;
};

class NetworkRenderer {
public:
    NetworkRenderer();  // reads the limits of the current context; compiles nothing yet
    ~NetworkRenderer();
    NetworkRenderer(const NetworkRenderer&) = delete;
    NetworkRenderer& operator=(const NetworkRenderer&) = delete;

    // Uploads the weights unless `net` equals the network held. Throws gpu::Error when the
    // network does not fit GL_MAX_TEXTURE_BUFFER_SIZE.
    void set_network(const core::Network& net);
    // The network current now as a ticket, which use_uploaded() takes back: a caller whose
    // network has not changed since skips comparing its weights with those held (1.9 M of them
    // for a 400-unit network, on every step of every tile).
    std::uint64_t ticket() const;
    // Makes the upload with this ticket current again; false when it has been evicted.
    bool use_uploaded(std::uint64_t ticket);
    void set_view(const core::ViewParams& view);
    // How many bytes of networks other than the current one stay uploaded (least recently used
    // go first). 0 by default: one picture whose seed changes every frame gains nothing from
    // old networks, and measurably loses to their memory; a sheet of tiles sets room for its own.
    void set_cache_bytes(std::size_t bytes);
    static constexpr std::size_t kMaxHeld = 80;
    std::size_t networks_held() const { return slots_.size(); }
    // How one-output networks are coloured (a 256-entry table on texture unit 2).
    void set_colormap(core::ColorMap map);
    bool ready() const { return cur_ != nullptr; }
    const core::ViewParams& view() const { return view_; }

    // Compiles the program the current network needs now rather than at the first draw; returns
    // the compile time in ms (0 when it was cached).
    double prepare();

    // Draws `tile` of the level-`level` image of a width x height picture, with the tile's
    // bottom-left pixel at (dst_x, dst_y) of the bound framebuffer (GL's rows grow upwards, so
    // the picture appears upright). Level k is a ceil(width / 2^k) x ceil(height / 2^k) image whose
    // pixel (i, j) is exactly full-resolution pixel (i << k, j << k): progressive rendering shows
    // true samples. Sets the viewport, program, vertex array, texture units 0, 1 and 2, and turns
    // blending, depth test and scissor test off.
    void draw(int width, int height, const Tile& tile, int level = 0, int dst_x = 0, int dst_y = 0);

    static int level_size(int full, int level) { return ((full - 1) >> level) + 1; }
    const Capabilities& capabilities() const { return caps_; }
    // The one present program of this context, for every engine and sheet drawing with it.
    const TexturePresenter& presenter();
    int programs_compiled() const { return static_cast<int>(programs_.size()); }

private:
    struct Variant;
    struct Slot;  // one uploaded network
    Variant& variant();
    void fold_into(Slot& s);  // re-folds the first layer for view_ and uploads it
    void set_colormap_texture(core::ColorMap map);  // what draw() needs of it
    // Makes room for one more network within the cache size (which does not count the current
    // one); returns a slot to reuse, if one was freed (reusing its buffers saves the driver fresh
    // allocations while a slider is dragged).
    std::unique_ptr<Slot> evict();

    Capabilities caps_;
    core::ViewParams view_;
    std::vector<std::unique_ptr<Slot>> slots_;
    Slot* cur_ = nullptr;
    std::uint64_t clock_ = 0;    // for least-recently-used eviction
    std::uint64_t uploads_ = 0;  // tickets
    std::size_t cache_bytes_ = 0;
    core::ColorMap colormap_ = core::ColorMap::grey;
    Texture lut_texture_;
    VertexArray vao_;
    std::map<int, std::unique_ptr<Variant>> programs_;  // by width bucket: a few at most
    std::unique_ptr<TexturePresenter> presenter_;       // made at first use
};

}  // namespace primordial::gpu
