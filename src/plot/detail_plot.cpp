#include "plot/detail_plot.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "plot/canvas.hpp"
#include "plot/style.hpp"

namespace primordial::plot {
namespace {

std::string num(const char* format, double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, format, v);
    return buf;
}

// A panel's frame: radius along x (0 to r_max), values up (linear from 0, or log10).
struct Frame {
    double left, right, top, bottom, font;
    double r_max, lo, hi;
    bool log;
    double x(double r) const { return left + r / r_max * (right - left); }
    double y(double v) const {
        const double t = log ? (std::log10(std::max(v, 1e-300)) - lo) / (hi - lo) : v / hi;
        return bottom - t * (bottom - top);
    }
};

Frame frame(double x0, double y0, double w, double h, double r_max, double lo, double hi,
            bool log) {
    const double font = std::clamp(std::min(w, h) * 0.05, 10.0, 22.0);
    return {x0 + font * 4.2,
            x0 + w - font * 1.8,
            y0 + font * 2.4,
            y0 + h - font * 2.6,
            font,
            std::max(r_max, 1e-12),
            lo,
            hi,
            log};
}

void axes(cairo_t* cr, const Frame& f, const std::string& title, const std::string& x_label) {
    style::set(cr, style::kInk);
    // The title at the panel's font, smaller where the panel is too narrow for it.
    const double room = f.right - (f.left - f.font * 3.8);
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, f.font);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, title.c_str(), &ext);
    const double size = ext.x_advance > room ? f.font * room / ext.x_advance : f.font;
    style::text(cr, f.left - f.font * 3.8, f.top - f.font * 1.0, size, title);
    cairo_set_line_width(cr, 1);
    const auto grid = [&](double v, const std::string& label) {
        style::set(cr, style::kAxis);
        cairo_move_to(cr, f.left, f.y(v));
        cairo_line_to(cr, f.right, f.y(v));
        cairo_stroke(cr);
        style::set(cr, style::kInk);
        style::text(cr, f.left - f.font * 3.9, f.y(v) + f.font * 0.3, f.font * 0.75, label);
    };
    if (f.log) {
        for (double d = f.lo; d <= f.hi + 1e-9; ++d) grid(std::pow(10, d), "1e" + num("%g", d));
    } else {
        for (int i = 0; i <= 4; ++i) grid(f.hi * i / 4, num("%.3g", f.hi * i / 4));
    }
    style::set(cr, style::kInk);
    for (int i = 0; i <= 4; ++i) {
        const double r = f.r_max * i / 4;
        style::text(cr, f.x(r) - f.font * 0.6, f.bottom + f.font * 1.2, f.font * 0.75,
                    num("%.3g", r));
    }
    style::text(cr, (f.left + f.right) / 2 - f.font * 6, f.bottom + f.font * 2.3, f.font * 0.8,
                x_label);
}

void line(cairo_t* cr, const Frame& f, const std::vector<double>& r, const std::vector<double>& v,
          style::Rgb colour, double width, bool dashed) {
    style::set(cr, colour);
    cairo_set_line_width(cr, width);
    const double dash[] = {width * 3, width * 2};
    cairo_set_dash(cr, dash, dashed ? 2 : 0, 0);
    bool pen = false;  // lifted over what is no number (an overflow)
    for (std::size_t i = 0; i < r.size(); ++i) {
        const bool ok = std::isfinite(v[i]) && (!f.log || v[i] > 0);
        if (ok) (pen ? cairo_line_to : cairo_move_to)(cr, f.x(r[i]), f.y(v[i]));
        pen = ok;
    }
    cairo_stroke(cr);
    cairo_set_dash(cr, nullptr, 0, 0);
}

void dots(cairo_t* cr, const Frame& f, const std::vector<double>& r, const std::vector<double>& v,
          style::Rgb colour, double size) {
    style::set(cr, colour);
    for (std::size_t i = 0; i < r.size(); ++i) {
        if (!std::isfinite(v[i]) || (f.log && !(v[i] > 0))) continue;
        cairo_new_sub_path(cr);
        cairo_arc(cr, f.x(r[i]), f.y(v[i]), size, 0, 2 * M_PI);
        cairo_fill(cr);
    }
}

// Words on a patch of paper, readable over the curves.
void boxed_text(cairo_t* cr, double x, double y, double size, const std::string& words) {
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, words.c_str(), &ext);
    style::set(cr, style::kPaper, 0.85);
    cairo_rectangle(cr, x - size * 0.2, y - size * 1.0, ext.x_advance + size * 0.4, size * 1.3);
    cairo_fill(cr);
    style::set(cr, style::kInk);
    style::text(cr, x, y, size, words);
}

// A legend entry: a short stroke or dot and its words.
void key(cairo_t* cr, const Frame& f, int row, style::Rgb colour, bool dot, bool dashed,
         const std::string& words) {
    const double x = f.right - f.font * 15, y = f.top + f.font * (0.6 + 1.3 * row);
    if (dot) {
        style::set(cr, colour);
        cairo_arc(cr, x + f.font, y - f.font * 0.3, f.font * 0.3, 0, 2 * M_PI);
        cairo_fill(cr);
    } else {
        style::set(cr, colour);
        cairo_set_line_width(cr, f.font * 0.18);
        const double dash[] = {f.font * 0.4, f.font * 0.25};
        cairo_set_dash(cr, dash, dashed ? 2 : 0, 0);
        cairo_move_to(cr, x, y - f.font * 0.3);
        cairo_line_to(cr, x + f.font * 2, y - f.font * 0.3);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
    boxed_text(cr, x + f.font * 2.6, y, f.font * 0.8, words);
}

std::vector<double> pictures(const std::vector<core::DetailProfile>& p) {
    std::vector<double> out;
    for (const auto& d : p) out.push_back(d.picture);
    return out;
}

constexpr style::Rgb kTheory{0.0, 0.0, 0.0}, kThis{0.839, 0.153, 0.157}, kMean{0.122, 0.467, 0.706};

// How busy the picture is, by radius.
void radial_panel(cairo_t* cr, const core::DetailCurves& c, double x0, double y0, double w,
                  double h) {
    const auto theory = pictures(c.theory), measured = pictures(c.measured),
               mean = pictures(c.seeds_mean);
    double hi = 0;
    for (const auto* v : {&theory, &measured, &mean})
        for (double x : *v)
            if (std::isfinite(x)) hi = std::max(hi, x);
    hi = hi > 0 ? hi * 1.1 : 1;
    const Frame f = frame(x0, y0, w, h, c.radii.back(), 0, hi, false);
    axes(cr, f, "How busy the picture is: its colour's gradient, squared (E|∇f|²)",
         "distance from the centre of the plane");
    if (c.hub) {  // the hub's predicted edge
        style::set(cr, {0.45, 0.45, 0.45});
        cairo_set_line_width(cr, 1.5);
        const double dash[] = {6, 4};
        cairo_set_dash(cr, dash, 2, 0);
        cairo_move_to(cr, f.x(*c.hub), f.top);
        cairo_line_to(cr, f.x(*c.hub), f.bottom);
        cairo_stroke(cr);
        cairo_set_dash(cr, nullptr, 0, 0);
    }
    const double lw = std::max(1.5, w / 350);
    if (!mean.empty()) line(cr, f, c.radii, mean, kMean, lw, true);
    if (!measured.empty()) line(cr, f, c.radii, measured, kThis, lw, false);
    line(cr, f, c.radii, theory, kTheory, lw * 1.6, false);
    if (c.hub) {  // beside the line, on the side with room
        const std::string words = "hub edge " + num("%.3g", *c.hub) + ": detail halves";
        cairo_set_font_size(cr, f.font * 0.75);
        cairo_text_extents_t ext;
        cairo_text_extents(cr, words.c_str(), &ext);
        const double x = f.x(*c.hub) + f.font * 0.3 + ext.x_advance < f.right
                             ? f.x(*c.hub) + f.font * 0.3
                             : f.x(*c.hub) - f.font * 0.3 - ext.x_advance;
        boxed_text(cr, x, f.bottom - f.font * 0.5, f.font * 0.75, words);
    }
    int row = 0;
    key(cr, f, row++, kTheory, false, false, "theory (mean-field)");
    if (!measured.empty()) key(cr, f, row++, kThis, false, false, "this network");
    if (!mean.empty())
        key(cr, f, row++, kMean, false, true, "mean of " + std::to_string(c.seeds) + " seeds");
}

// Each hidden layer's E|grad h|^2 by radius: lines the theory, dots this network; light to dark
// with depth.
void depth_panel(cairo_t* cr, const core::DetailCurves& c, double x0, double y0, double w,
                 double h) {
    const std::size_t layers = c.theory.front().g.size();
    double lo = INFINITY, hi = -INFINITY;
    const auto span = [&](const std::vector<core::DetailProfile>& p) {
        for (const auto& d : p)
            for (double g : d.g)
                if (g > 0 && std::isfinite(g))
                    lo = std::min(lo, std::log10(g)), hi = std::max(hi, std::log10(g));
    };
    span(c.theory);
    span(c.measured);
    if (!(lo <= hi)) lo = -1, hi = 1;
    lo = std::floor(lo), hi = std::max(std::ceil(hi), lo + 1);
    const Frame f = frame(x0, y0, w, h, c.radii.back(), lo, hi, true);
    axes(cr, f, "Layer by layer: each unit's gradient, squared (E|∇h|²)",
         "distance from the centre of the plane");
    const double lw = std::max(1.2, w / 450);
    for (std::size_t l = 0; l < layers; ++l) {
        const double t = layers > 1 ? double(l) / double(layers - 1) : 1.0;
        const style::Rgb colour{0.75 - 0.65 * t, 0.80 - 0.55 * t, 0.95 - 0.35 * t};
        std::vector<double> theory, measured;
        for (const auto& d : c.theory) theory.push_back(d.g[l]);
        for (const auto& d : c.measured) measured.push_back(d.g[l]);
        line(cr, f, c.radii, theory, colour, lw, false);
        if (!measured.empty()) dots(cr, f, c.radii, measured, colour, lw * 1.3);
    }
    key(cr, f, 0, {0.75, 0.80, 0.95}, false, false, "layer 1 (theory)");
    key(cr, f, 1, {0.10, 0.25, 0.60}, false, false,
        "layer " + std::to_string(layers) + " (theory)");
    if (!c.measured.empty()) key(cr, f, 2, {0.4, 0.5, 0.8}, true, false, "this network");
}

}  // namespace

std::vector<std::uint8_t> draw_detail(const core::DetailCurves& c, int width, int height) {
    Canvas canvas(width, height);
    cairo_t* cr = canvas.cr();
    style::set(cr, style::kPaper);
    cairo_paint(cr);
    if (c.radii.size() < 2) return canvas.rgb();
    const bool hidden = !c.theory.front().g.empty();
    const double panel_h = hidden ? height / 2.0 : height;
    radial_panel(cr, c, 0, 0, width, panel_h);
    if (hidden) depth_panel(cr, c, 0, panel_h, width, panel_h);
    return canvas.rgb();
}

}  // namespace primordial::plot
