#include "plot/curve_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/eval/activation.hpp"
#include "core/eval/probe.hpp"
#include "plot/canvas.hpp"
#include "plot/style.hpp"

namespace primordial::plot {
namespace {

// The plane rectangle a plot shows and its mapping to pixels, y up.
struct Frame {
    double x0, x1, y0, y1;
    double left, right, top, bottom;
    double px(double x) const { return left + (x - x0) / (x1 - x0) * (right - left); }
    double py(double y) const { return bottom - (y - y0) / (y1 - y0) * (bottom - top); }
};

Frame frame(double x0, double x1, double y0, double y1, int width, int height) {
    const double m = std::max(4.0, std::min(width, height) * 0.04);
    return {x0, x1, y0, y1, m, width - m, m, height - m};
}

// The article's axes: thin grey lines through the origin, a small tick at every unit (or at
// every power of ten that leaves room between ticks), no box and no numbers.
void axes(cairo_t* cr, const Frame& f, int width) {
    style::set(cr, style::kAxis);
    cairo_set_line_width(cr, std::max(1.0, width / 500.0));
    const double ax = std::clamp(0.0, f.x0, f.x1), ay = std::clamp(0.0, f.y0, f.y1);
    cairo_move_to(cr, f.left, f.py(ay)), cairo_line_to(cr, f.right, f.py(ay));
    cairo_move_to(cr, f.px(ax), f.top), cairo_line_to(cr, f.px(ax), f.bottom);
    cairo_stroke(cr);
    const double tick = std::max(2.0, width / 200.0);
    const auto step_for = [](double span, double pixels) {
        double step = std::pow(10.0, std::floor(std::log10(span)));
        while (span / step * 12 > pixels) step *= 10;  // at least 12 pixels apart
        while (span / step < 4) step /= 2;
        return step;
    };
    const double sx = step_for(f.x1 - f.x0, f.right - f.left);
    for (double x = std::ceil(f.x0 / sx) * sx; x <= f.x1; x += sx)
        cairo_move_to(cr, f.px(x), f.py(ay) - tick), cairo_line_to(cr, f.px(x), f.py(ay) + tick);
    const double sy = step_for(f.y1 - f.y0, f.bottom - f.top);
    for (double y = std::ceil(f.y0 / sy) * sy; y <= f.y1; y += sy)
        cairo_move_to(cr, f.px(ax) - tick, f.py(y)), cairo_line_to(cr, f.px(ax) + tick, f.py(y));
    cairo_stroke(cr);
}

// Numbers at a few ticks of each axis, small and grey beside it (the explorer's activation view
// and figure 13: which values the function takes where). At most about five a side.
void numbers(cairo_t* cr, const Frame& f, int width, int height) {
    const double size = std::max(10.0, std::min(width, height) / 55.0);
    const auto step_for = [](double span) {
        const double raw = span / 5;
        const double p = std::pow(10.0, std::floor(std::log10(raw)));
        for (double m : {1.0, 2.0, 5.0, 10.0})
            if (m * p >= raw) return m * p;
        return 10 * p;
    };
    const auto label = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", std::abs(v) < 1e-12 ? 0.0 : v);
        std::string s = buf;
        if (s[0] == '-') s = "\u2212" + s.substr(1);  // a minus sign, not a hyphen
        return s;
    };
    style::set(cr, {0.45, 0.45, 0.45});
    const double ax = std::clamp(0.0, f.x0, f.x1), ay = std::clamp(0.0, f.y0, f.y1);
    const double sx = step_for(f.x1 - f.x0), sy = step_for(f.y1 - f.y0);
    cairo_text_extents_t e;
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    for (double x = std::ceil(f.x0 / sx) * sx; x <= f.x1 + 1e-9; x += sx) {
        if (std::abs(x) < sx * 1e-6) continue;  // 0 belongs to neither axis
        const std::string s = label(x);
        cairo_text_extents(cr, s.c_str(), &e);
        const double px = std::clamp(f.px(x) - e.width / 2, 0.0, width - e.width);
        style::text(cr, px, std::min(f.py(ay) + size * 1.6, height - 2.0), size, s);
    }
    for (double y = std::ceil(f.y0 / sy) * sy; y <= f.y1 + 1e-9; y += sy) {
        if (std::abs(y) < sy * 1e-6) continue;
        const std::string s = label(y);
        cairo_text_extents(cr, s.c_str(), &e);
        const double px = f.px(ax) - e.width - size * 0.6;
        style::text(cr, std::max(2.0, px), f.py(y) + size * 0.35, size, s);
    }
}

// One series as a polyline; non-finite values lift the pen. Values beyond the frame are clipped.
void polyline(cairo_t* cr, const Frame& f, const std::vector<double>& xs,
              const std::vector<float>& v) {
    cairo_save(cr);
    cairo_rectangle(cr, f.left, f.top, f.right - f.left, f.bottom - f.top);
    cairo_clip(cr);
    bool pen = false;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (!std::isfinite(v[i])) {
            pen = false;
            continue;
        }
        const double yv = std::clamp<double>(v[i], f.y0 - (f.y1 - f.y0), f.y1 + (f.y1 - f.y0));
        if (pen)
            cairo_line_to(cr, f.px(xs[i]), f.py(yv));
        else
            cairo_move_to(cr, f.px(xs[i]), f.py(yv));
        pen = true;
    }
    cairo_stroke(cr);
    cairo_restore(cr);
}

}  // namespace

std::vector<std::uint8_t> draw_curves(const core::Curves& c, core::TileContent which, int width,
                                      int height) {
    Canvas canvas(width, height);
    cairo_t* cr = canvas.cr();
    style::set(cr, style::kPaper);
    cairo_paint(cr);

    std::vector<const std::vector<float>*> series;
    std::optional<core::ValueRange> fixed;
    switch (which) {
        case core::TileContent::hidden_curves:
            for (const auto& h : c.hidden) series.push_back(&h);
            break;
        case core::TileContent::sum_curve:
            for (const auto& s : c.sums) series.push_back(&s);
            break;
        default:
            for (const auto& s : c.outputs) series.push_back(&s);
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
    const double pad = 0.25 * (hi - lo);
    const Frame f = frame(c.xs.front(), c.xs.back(), lo - pad, hi + pad, width, height);
    axes(cr, f, width);

    cairo_set_line_width(cr, std::max(1.5, width / 180.0));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    // As in the article: the units in colours, their sum in olive, the output in black; an RGB
    // network's three sums and outputs in their own colours, named in the corner.
    const bool channels = which != core::TileContent::hidden_curves && series.size() == 3;
    for (std::size_t s = 0; s < series.size(); ++s) {
        style::set(cr, which == core::TileContent::hidden_curves
                           ? style::kSeries[s % std::size(style::kSeries)]
                       : channels                              ? style::kChannels[s]
                       : which == core::TileContent::sum_curve ? style::kSum
                                                               : style::kInk);
        polyline(cr, f, c.xs, *series[s]);
    }
    if (channels) {
        const double size = std::max(10.0, std::min(width, height) / 22.0);
        double x = f.left + size * 0.5;
        for (std::size_t s = 0; s < 3; ++s) {
            static constexpr const char* kNames[] = {"red", "green", "blue"};
            style::set(cr, style::kChannels[s]);
            style::text(cr, x, f.top + size * 1.2, size, kNames[s]);
            cairo_text_extents_t e;
            cairo_text_extents(cr, kNames[s], &e);
            x += e.x_advance + size * 0.6;
        }
    }
    return canvas.rgb();
}

std::vector<std::uint8_t> draw_function(core::Activation a, const core::ViewParams& view, int width,
                                        int height) {
    Canvas canvas(width, height);
    cairo_t* cr = canvas.cr();
    style::set(cr, style::kPaper);
    cairo_paint(cr);
    // x as a picture of the view would span it; y the same scale for unbounded functions (so
    // relu rises at 45 degrees), stretched over the range for bounded ones.
    const double ex = view.extent * width / std::min(width, height);
    const double ey = view.extent * height / std::min(width, height);
    double y0 = view.center_y - ey, y1 = view.center_y + ey;
    if (const auto r = core::bounded_range(a)) {
        const double pad = 0.35 * (r->hi - r->lo);
        y0 = r->lo - pad, y1 = r->hi + pad;
    }
    const Frame f = frame(view.center_x - ex, view.center_x + ex, y0, y1, width, height);
    axes(cr, f, width);
    numbers(cr, f, width, height);
    const int n = std::clamp(width * 2, 64, 8192);
    std::vector<double> xs(static_cast<std::size_t>(n));
    std::vector<float> ys(xs.size());
    for (int i = 0; i < n; ++i) {
        xs[static_cast<std::size_t>(i)] = f.x0 + (f.x1 - f.x0) * i / (n - 1);
        ys[static_cast<std::size_t>(i)] =
            core::activate(a, static_cast<float>(xs[static_cast<std::size_t>(i)]));
    }
    style::set(cr, style::kInk);
    cairo_set_line_width(cr, std::max(2.0, std::min(width, height) / 90.0));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    polyline(cr, f, xs, ys);
    return canvas.rgb();
}

std::vector<std::uint8_t> draw_arrow(int width, int height) {
    Canvas canvas(width, height);
    cairo_t* cr = canvas.cr();
    style::set(cr, style::kPaper);
    cairo_paint(cr);
    // A light grey arrow across the middle, as between the article's panels.
    const double cy = height / 2.0, len = width * 0.8, x0 = width * 0.1;
    const double shaft = std::max(2.0, len * 0.08), head = len * 0.35;
    style::set(cr, style::kAxis);
    cairo_rectangle(cr, x0, cy - shaft / 2, len - head, shaft);
    cairo_fill(cr);
    cairo_move_to(cr, x0 + len - head, cy - head * 0.6);
    cairo_line_to(cr, x0 + len, cy);
    cairo_line_to(cr, x0 + len - head, cy + head * 0.6);
    cairo_close_path(cr);
    cairo_fill(cr);
    return canvas.rgb();
}

}  // namespace primordial::plot
