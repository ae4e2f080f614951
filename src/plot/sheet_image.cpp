#include "plot/sheet_image.hpp"

#include <algorithm>
#include <cstring>

#include "core/curves.hpp"
#include "plot/curve_plot.hpp"
#include "plot/surface_plot.hpp"

namespace primordial::plot {

std::vector<std::uint8_t> plot_tile(const core::SheetTile& t) {
    const core::ViewParams& view = t.params.view;
    switch (t.content) {
        case core::TileContent::surface: {
            // About one grid line per 12 pixels, within what a painter's algorithm draws quickly.
            const int n = std::clamp(std::min(t.rect.w, t.rect.h) / 12, 8, 64);
            // A tinted unit is a probe, already mapped onto [0, 1]; otherwise the activation's
            // bounds, so a flat sigmoid looks flat.
            const auto range = t.tint ? core::ValueRange{0, 1}
                                      : core::bounded_range(t.network.layers.back().activation);
            return draw_surface(core::height_field(t.network, view, t.rect.w, t.rect.h, n), range,
                                t.camera, {t.colormap, t.tint}, t.rect.w, t.rect.h);
        }
        case core::TileContent::function_curve:
            return draw_function(t.function, view, t.rect.w, t.rect.h);
        case core::TileContent::arrow: return draw_arrow(t.rect.w, t.rect.h);
        default: {
            const int samples = std::clamp(t.rect.w, 16, 2048);
            return draw_curves(core::curves(t.network, view, samples), t.content, t.rect.w, t.rect.h);
        }
    }
}

std::vector<std::uint8_t> render_sheet(const core::Sheet& s, const PictureRenderer& pictures,
                                       const core::Progress& progress, int threads) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(s.width) * s.height * 3);
    for (std::size_t p = 0; p < rgb.size(); p += 3) std::memcpy(&rgb[p], core::kPaper, 3);
    double total = 0, done = 0;
    for (const auto& t : s.tiles) total += static_cast<double>(t.rect.w) * t.rect.h;
    const auto blit = [&](const core::SheetTile& t, const std::uint8_t* src, int row0, int rows) {
        for (int y = 0; y < rows; ++y)
            std::memcpy(&rgb[(static_cast<std::size_t>(t.rect.y + row0 + y) * s.width + t.rect.x) * 3],
                        src + static_cast<std::size_t>(y) * t.rect.w * 3,
                        static_cast<std::size_t>(t.rect.w) * 3);
    };
    for (const auto& t : s.tiles) {
        if (t.content != core::TileContent::picture) {
            const auto img = plot_tile(t);
            blit(t, img.data(), 0, t.rect.h);
        } else {
            std::unique_ptr<core::RowRenderer> rows = pictures ? pictures(t) : nullptr;
            if (!rows)
                rows = core::cpu_rows(t.network, t.params.view, t.rect.w, t.rect.h,
                                      {threads, t.colormap});
            constexpr int kBand = 64;
            std::vector<std::uint8_t> band(static_cast<std::size_t>(t.rect.w) * kBand * 3);
            for (int r0 = 0; r0 < t.rect.h; r0 += kBand) {
                const int r1 = std::min(t.rect.h, r0 + kBand);
                rows->render_rows(r0, r1, band.data());
                blit(t, band.data(), r0, r1 - r0);
                if (progress && !progress((done + static_cast<double>(r1) * t.rect.w) / total)) return {};
            }
        }
        done += static_cast<double>(t.rect.w) * t.rect.h;
        if (progress && !progress(done / total)) return {};
    }
    return rgb;
}

}  // namespace primordial::plot
