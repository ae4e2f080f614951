#include "plot/sheet_image.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/io/interrupt.hpp"
#include "core/theory/regions.hpp"
#include "core/views/curves.hpp"
#include "plot/canvas.hpp"
#include "plot/curve_plot.hpp"
#include "plot/detail_plot.hpp"
#include "plot/style.hpp"
#include "plot/surface_plot.hpp"

namespace primordial::plot {

namespace {

// The region map with its count written in the corner.
std::vector<std::uint8_t> draw_regions(const core::SheetTile& t) {
    const core::RegionMap m = core::region_map(t.network, t.params.view, t.rect.w, t.rect.h);
    Canvas canvas(t.rect.w, t.rect.h);
    canvas.set_rgb(m.rgb);
    cairo_t* cr = canvas.cr();
    const double font = std::max(11.0, std::min(t.rect.w, t.rect.h) / 30.0);
    const std::string text = std::to_string(m.regions) + " linear regions";
    cairo_set_font_size(cr, font);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, text.c_str(), &ext);
    cairo_set_source_rgba(cr, 0, 0, 0, 0.6);
    cairo_rectangle(cr, font * 0.5, t.rect.h - font * 2.2, ext.x_advance + font, font * 1.6);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 1, 1, 1);
    style::text(cr, font, t.rect.h - font * 0.95, font, text);
    return canvas.rgb();
}

// The phase diagram's edge of chaos and the current network's place, over the tiles.
void draw_overlay(const core::Overlay& o, std::vector<std::uint8_t>& rgb, int width, int height) {
    if (o.empty()) return;
    Canvas canvas(width, height);
    canvas.set_rgb(rgb);
    cairo_t* cr = canvas.cr();
    const double line = std::max(2.0, std::min(width, height) / 250.0);
    for (const auto& l : o.lines) {
        for (int pass = 0; pass < 2;
             ++pass) {  // a dark edge under a white line: seen on any colour
            cairo_set_source_rgba(cr, pass ? 1 : 0, pass ? 1 : 0, pass ? 1 : 0, pass ? 0.95 : 0.6);
            cairo_set_line_width(cr, pass ? line : line * 2.5);
            cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
            for (std::size_t i = 0; i < l.size(); ++i)
                (i ? cairo_line_to : cairo_move_to)(cr, l[i][0], l[i][1]);
            cairo_stroke(cr);
        }
    }
    if (o.marker) {
        cairo_arc(cr, (*o.marker)[0], (*o.marker)[1], line * 3, 0, 2 * M_PI);
        cairo_set_source_rgb(cr, 0, 0, 0);
        cairo_set_line_width(cr, line * 1.5);
        cairo_stroke_preserve(cr);
        cairo_set_source_rgb(cr, 1, 0.85, 0.1);
        cairo_fill(cr);
    }
    rgb = canvas.rgb();
}

}  // namespace

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
        case core::TileContent::arrow:
            return draw_arrow(t.rect.w, t.rect.h);
        case core::TileContent::regions:
            return draw_regions(t);
        case core::TileContent::detail: {
            core::DetailCurves c = t.detail
                                       ? *t.detail
                                       : core::predict_curves(t.params, core::farthest_radius(view),
                                                              core::kDetailRadii);
            core::measure_curves(t.params, c, core::kDetailSeeds);
            return draw_detail(c, t.rect.w, t.rect.h);
        }
        default: {
            const int samples = std::clamp(t.rect.w, 16, 2048);
            return draw_curves(core::curves(t.network, view, samples), t.content, t.rect.w,
                               t.rect.h);
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
            std::memcpy(
                &rgb[(static_cast<std::size_t>(t.rect.y + row0 + y) * s.width + t.rect.x) * 3],
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
                core::check_interrupt();  // a large sheet is composed in memory first
                const int r1 = std::min(t.rect.h, r0 + kBand);
                rows->render_rows(r0, r1, band.data());
                blit(t, band.data(), r0, r1 - r0);
                if (progress && !progress((done + static_cast<double>(r1) * t.rect.w) / total))
                    return {};
            }
        }
        done += static_cast<double>(t.rect.w) * t.rect.h;
        if (progress && !progress(done / total)) return {};
    }
    draw_overlay(s.overlay, rgb, s.width, s.height);
    return rgb;
}

}  // namespace primordial::plot
