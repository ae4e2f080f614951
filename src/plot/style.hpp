// Colours and text shared by the plots, so the panels of one figure match.
#pragma once

#include <cairo.h>

#include <string>

namespace primordial::plot::style {

struct Rgb {
    double r, g, b;
};

inline constexpr Rgb kPaper{1.0, 1.0, 1.0};  // the sheets' paper (core::kPaper)
inline constexpr Rgb kInk{0.0, 0.0, 0.0};
inline constexpr Rgb kAxis{0.80, 0.80, 0.80};
inline constexpr Rgb kSum{0.52, 0.53, 0.40};  // the weighted sum's olive, as in figure 4
// An RGB network's three output channels, dark enough to read as lines on paper.
inline constexpr Rgb kChannels[] = {{0.85, 0.12, 0.12}, {0.10, 0.60, 0.15}, {0.15, 0.30, 0.90}};
// Curves of hidden units cycle through these (Tableau 10: distinct, colour-blind friendly).
inline constexpr Rgb kSeries[] = {
    {0.122, 0.467, 0.706}, {1.000, 0.498, 0.055}, {0.173, 0.627, 0.173}, {0.839, 0.153, 0.157},
    {0.580, 0.404, 0.741}, {0.549, 0.337, 0.294}, {0.890, 0.467, 0.761}, {0.498, 0.498, 0.498},
    {0.737, 0.741, 0.133}, {0.090, 0.745, 0.812}};

inline void set(cairo_t* cr, Rgb c, double alpha = 1.0) {
    cairo_set_source_rgba(cr, c.r, c.g, c.b, alpha);
}

// Text at (x, y) (baseline left), in a size relative to the plot.
inline void text(cairo_t* cr, double x, double y, double size, const std::string& s) {
    cairo_select_font_face(cr, "sans-serif", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
    cairo_move_to(cr, x, y);
    cairo_show_text(cr, s.c_str());
}

}  // namespace primordial::plot::style
