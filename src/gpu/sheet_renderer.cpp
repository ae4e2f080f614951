#include "gpu/sheet_renderer.hpp"

#include <algorithm>
#include <chrono>

#include "gpu/gl.hpp"
#include "gpu/gl_handle.hpp"

namespace primordial::gpu {
namespace {
using Clock = std::chrono::steady_clock;
}

// A host picture in a texture, shown 1:1.
struct SheetRenderer::Image {
    Texture texture = Texture::create();
    int width = 0, height = 0;
};

SheetRenderer::SheetRenderer(NetworkRenderer& renderer, EngineFactory make_engine)
    : renderer_(renderer), make_engine_(std::move(make_engine)) {}

SheetRenderer::~SheetRenderer() = default;

void SheetRenderer::set_engine_factory(EngineFactory make_engine) {
    make_engine_ = std::move(make_engine);
    tiles_.clear();
}

void SheetRenderer::set_sheet(
    const core::Sheet& sheet, double budget_ms,
    const std::vector<std::shared_ptr<const core::Evaluator>>& evaluators) {
    sheet_ = &sheet;
    // Every tile's network stays uploaded while the tiles take turns (up to a bound).
    renderer_.set_cache_bytes(kCacheBytes);
    const std::size_t n = sheet.tiles.size();
    while (tiles_.size() < n) tiles_.push_back(make_engine_());
    tiles_.resize(n);  // fewer tiles: the extra ones' textures go
    plots_.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        const core::SheetTile& t = sheet.tiles[i];
        if (t.content != core::TileContent::picture) continue;
        tiles_[i]->restart({&t.network, t.params.view, t.colormap, t.rect.w, t.rect.h,
                            i < evaluators.size() ? evaluators[i] : nullptr},
                           budget_ms);
    }
}

void SheetRenderer::set_plot(int tile, const std::vector<std::uint8_t>& rgb) {
    const core::Rect& r = sheet_->tiles[static_cast<std::size_t>(tile)].rect;
    auto& img = plots_[static_cast<std::size_t>(tile)];
    if (!img) img = std::make_unique<Image>();
    glBindTexture(GL_TEXTURE_2D, img->texture.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    // Rows stored top-down: uploaded as is, then flipped by presenting bottom-up rows.
    std::vector<std::uint8_t> flipped(rgb.size());
    const std::size_t row = static_cast<std::size_t>(r.w) * 3;
    for (int y = 0; y < r.h; ++y)
        std::copy_n(rgb.begin() + static_cast<std::ptrdiff_t>(y * row), row,
                    flipped.begin() + static_cast<std::ptrdiff_t>((r.h - 1 - y) * row));
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, r.w, r.h, 0, GL_RGB, GL_UNSIGNED_BYTE, flipped.data());
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    img->width = r.w;
    img->height = r.h;
}

bool SheetRenderer::step(double budget_ms) {
    if (!sheet_) return false;
    const auto start = Clock::now();
    const auto left = [&] {
        return budget_ms - std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    };
    // Coarsest levels first across all tiles, so every tile shows something early.
    for (int level = ProgressiveEngine::kCoarsest; level >= 0; --level) {
        for (std::size_t i = 0; i < tiles_.size(); ++i) {
            const core::SheetTile& t = sheet_->tiles[i];
            if (t.content != core::TileContent::picture || tiles_[i]->level_in_progress() < level)
                continue;
            if (left() <= 0) return true;
            tiles_[i]->step(left(), level);
        }
    }
    return !status().done;
}

bool SheetRenderer::collect() {
    bool changed = false;
    for (auto& t : tiles_) changed |= t->collect();
    return changed;
}

void SheetRenderer::present(int x, int top, int fb_height) {
    if (!sheet_) return;
    // The paper between the tiles, as in a figure.
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, fb_height - (top + sheet_->height), sheet_->width, sheet_->height);
    glClearColor(core::kPaper[0] / 255.0f, core::kPaper[1] / 255.0f, core::kPaper[2] / 255.0f,
                 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
    for (std::size_t i = 0; i < sheet_->tiles.size(); ++i) {
        const core::Rect& r = sheet_->tiles[i].rect;
        const int gl_y = fb_height - (top + r.y + r.h);  // GL rows grow upwards
        if (sheet_->tiles[i].content == core::TileContent::picture) {
            tiles_[i]->present(x + r.x, gl_y, r.w, r.h);
            continue;
        }
        const Image* img = plots_[i].get();
        if (!img) continue;
        renderer_.presenter().draw(img->texture.get(), x + r.x, gl_y, r.w, r.h);
    }
}

ProgressStatus SheetRenderer::status() const {
    ProgressStatus s;
    s.done = true;
    double total = 0, done = 0;
    if (!sheet_) return s;
    for (std::size_t i = 0; i < tiles_.size(); ++i) {
        const core::SheetTile& t = sheet_->tiles[i];
        if (t.content != core::TileContent::picture) continue;
        const ProgressStatus ts = tiles_[i]->status();
        const double px = double(t.rect.w) * t.rect.h;
        total += px;
        done += px * ts.fraction;
        s.done = s.done && ts.done;
        if (!ts.done) s.level = std::max(s.level, ts.level);
        s.mac_per_ms = std::max(s.mac_per_ms, ts.mac_per_ms);
    }
    s.fraction = total > 0 ? done / total : 1;
    return s;
}

bool SheetRenderer::read_tile(int tile, std::vector<std::uint8_t>& rgb) const {
    return tiles_[static_cast<std::size_t>(tile)]->read_finished(rgb);
}

}  // namespace primordial::gpu
