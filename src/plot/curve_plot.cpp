#include "plot/curve_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/probe.hpp"
#include "plot/canvas.hpp"
#include "plot/style.hpp"

namespace primordial::plot {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3g", v);
    return buf;
}

}  // namespace

std::vector<std::uint8_t> draw_curves(const core::Curves& c, core::TileContent which, int width,
                                      int height) {
    Canvas canvas(width, height);
    cairo_t* cr = canvas.cr();
    style::set(cr, style::kPaper);
    cairo_paint(cr);

    std::vector<const std::vector<float>*> series;
    std::string title;
    std::optional<core::ValueRange> fixed;
    switch (which) {
        case core::TileContent::hidden_curves:
            for (const auto& h : c.hidden) series.push_back(&h);
            title = "hidden units";
            break;
        case core::TileContent::sum_curve:
            series.push_back(&c.sum);
            title = "weighted sum";
            break;
        default:
            series.push_back(&c.output);
            title = std::string(core::to_string(c.output_activation)) + " of the sum";
            fixed = core::bounded_range(c.output_activation);
            break;
    }
    // The y range: the activation's bounds where it has them, else the data's, with a margin.
    float lo = INFINITY, hi = -INFINITY;
    for (const auto* s : series)
        for (float v : *s)
            if (std::isfinite(v)) lo = std::min(lo, v), hi = std::max(hi, v);
    if (fixed) lo = std::min(lo, fixed->lo), hi = std::max(hi, fixed->hi);
    if (!(lo <= hi)) lo = -1, hi = 1;
    if (hi - lo < 1e-6f) lo -= 1, hi += 1;
    const double pad = 0.08 * (hi - lo);
    const double y0 = lo - pad, y1 = hi + pad;
    const double x0 = c.xs.front(), x1 = c.xs.back();

    const double m = std::max(8.0, std::min(width, height) * 0.08);
    const double font = std::max(9.0, std::min(width, height) * 0.045);
    const double left = m, right = width - m * 0.5, top = m + font, bottom = height - m;
    const auto px = [&](double x) { return left + (x - x0) / (x1 - x0) * (right - left); };
    const auto py = [&](double y) { return bottom - (y - y0) / (y1 - y0) * (bottom - top); };

    cairo_set_line_width(cr, std::max(1.0, width / 500.0));
    style::set(cr, style::kAxis);
    if (x0 < 0 && x1 > 0) cairo_move_to(cr, px(0), top), cairo_line_to(cr, px(0), bottom);
    if (y0 < 0 && y1 > 0) cairo_move_to(cr, left, py(0)), cairo_line_to(cr, right, py(0));
    cairo_stroke(cr);
    cairo_rectangle(cr, left, top, right - left, bottom - top);
    cairo_stroke(cr);

    cairo_set_line_width(cr, std::max(1.5, width / 220.0));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    for (std::size_t s = 0; s < series.size(); ++s) {
        const auto& v = *series[s];
        style::set(cr, which == core::TileContent::hidden_curves
                           ? style::kSeries[s % std::size(style::kSeries)]
                           : (which == core::TileContent::sum_curve ? style::kSeries[0]
                                                                    : style::kSeries[3]));
        bool pen = false;
        for (std::size_t i = 0; i < v.size(); ++i) {
            if (!std::isfinite(v[i])) {
                pen = false;
                continue;
            }
            const double yv = std::clamp<double>(v[i], y0, y1);
            if (pen) cairo_line_to(cr, px(c.xs[i]), py(yv));
            else cairo_move_to(cr, px(c.xs[i]), py(yv));
            pen = true;
        }
        cairo_stroke(cr);
    }

    style::set(cr, style::kInk);
    style::text(cr, left, m * 0.6 + font * 0.8, font, title);
    const double small = font * 0.75;
    style::text(cr, left, bottom + small * 1.3, small, num(x0));
    cairo_text_extents_t ext;
    cairo_set_font_size(cr, small);
    cairo_text_extents(cr, num(x1).c_str(), &ext);
    style::text(cr, right - ext.width, bottom + small * 1.3, small, num(x1));
    style::text(cr, 2, top + small, small, num(y1));
    style::text(cr, 2, bottom, small, num(y0));
    return canvas.rgb();
}

}  // namespace primordial::plot
