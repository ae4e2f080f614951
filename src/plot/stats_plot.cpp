#include "plot/stats_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "plot/canvas.hpp"
#include "plot/style.hpp"

namespace primordial::plot {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

struct Series {
    std::vector<double> x, y;
    style::Rgb colour;
    bool dots;
};

// One panel at (x0, y0, w, h): layers along x, log10 of the values up.
void panel(cairo_t* cr, double x0, double y0, double w, double h, const std::string& title,
           const std::vector<Series>& series, int layers) {
    double lo = INFINITY, hi = -INFINITY;
    for (const Series& s : series)
        for (double v : s.y)
            if (v > 0 && std::isfinite(v))
                lo = std::min(lo, std::log10(v)), hi = std::max(hi, std::log10(v));
    if (!(lo <= hi)) lo = -1, hi = 1;
    lo = std::floor(lo), hi = std::max(std::ceil(hi), lo + 1);
    const double font = std::max(10.0, h * 0.045);
    const double left = x0 + font * 4, right = x0 + w - font, top = y0 + font * 2.2,
                 bottom = y0 + h - font * 2.5;
    const auto px = [&](double l) {
        return left + (l - 0.5) / std::max(layers, 1) * (right - left);
    };
    const auto py = [&](double v) {
        return bottom - (std::log10(v) - lo) / (hi - lo) * (bottom - top);
    };

    style::set(cr, style::kInk);
    style::text(cr, left, y0 + font * 1.3, font, title);
    cairo_set_line_width(cr, 1);
    style::set(cr, style::kAxis);
    for (double d = lo; d <= hi; ++d) {  // a grid line at each power of ten
        cairo_move_to(cr, left, py(std::pow(10, d))), cairo_line_to(cr, right, py(std::pow(10, d)));
        cairo_stroke(cr);
        style::set(cr, style::kInk);
        style::text(cr, x0 + font * 0.3, py(std::pow(10, d)) + font * 0.35, font * 0.8,
                    "1e" + num(d));
        style::set(cr, style::kAxis);
    }
    const int every = std::max(1, layers / 10);
    style::set(cr, style::kInk);
    for (int l = 1; l <= layers; l += every)
        style::text(cr, px(l) - font * 0.3, bottom + font * 1.2, font * 0.8, num(l));
    style::text(cr, (left + right) / 2 - font * 1.5, bottom + font * 2.3, font * 0.85, "layer");
    for (const Series& s : series) {
        style::set(cr, s.colour);
        cairo_set_line_width(cr, std::max(1.5, w / 400));
        bool pen = false;
        for (std::size_t i = 0; i < s.x.size(); ++i) {
            if (!(s.y[i] > 0) || !std::isfinite(s.y[i])) {
                pen = false;
                continue;
            }
            const double X = px(s.x[i]), Y = py(s.y[i]);
            if (s.dots) {
                cairo_new_sub_path(cr);
                cairo_arc(cr, X, Y, std::max(2.5, w / 250), 0, 2 * M_PI);
                cairo_fill(cr);
            } else {
                if (pen)
                    cairo_line_to(cr, X, Y);
                else
                    cairo_move_to(cr, X, Y);
                pen = true;
            }
        }
        if (!s.dots) cairo_stroke(cr);
    }
}

}  // namespace

std::vector<std::uint8_t> draw_stats(const core::NetworkStats& s, int width, int height) {
    Canvas canvas(width, height);
    cairo_t* cr = canvas.cr();
    style::set(cr, style::kPaper);
    cairo_paint(cr);
    Series q{{}, {}, style::kSeries[0], true}, qt{{}, {}, style::kSeries[1], false};
    Series tl{{}, {}, style::kSeries[2], true};
    for (const core::LayerStats& l : s.layers) {
        q.x.push_back(l.layer), q.y.push_back(l.q);
        qt.x.push_back(l.layer), qt.y.push_back(l.q_theory);
        tl.x.push_back(l.layer), tl.y.push_back(l.trajectory_length);
    }
    const int layers = static_cast<int>(s.layers.size());
    panel(cr, 0, 0, width / 2.0, height, "q: measured (dots), mean-field theory (line)", {qt, q},
          layers);
    panel(cr, width / 2.0, 0, width / 2.0, height, "length of the circle's image", {tl}, layers);
    return canvas.rgb();
}

}  // namespace primordial::plot
