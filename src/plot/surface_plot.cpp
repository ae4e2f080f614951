#include "plot/surface_plot.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/eval/probe.hpp"
#include "core/net/colormap.hpp"
#include "plot/canvas.hpp"
#include "plot/style.hpp"

namespace primordial::plot {
namespace {

struct P3 {
    double x, y, z;
};

}  // namespace

std::vector<std::uint8_t> draw_surface(const core::HeightField& f,
                                       std::optional<core::ValueRange> range,
                                       const core::Camera& cam, const SurfaceColour& colour,
                                       int width, int height) {
    Canvas canvas(width, height);
    cairo_t* cr = canvas.cr();
    style::set(cr, style::kPaper);
    cairo_paint(cr);
    const int n = f.n;
    if (n < 2) return canvas.rgb();

    // Heights in [0, 1]: the given range (so a flat sigmoid looks flat), widened to the data.
    float lo = INFINITY, hi = -INFINITY;
    for (float z : f.z)
        if (std::isfinite(z)) lo = std::min(lo, z), hi = std::max(hi, z);
    if (range) lo = std::min(lo, range->lo), hi = std::max(hi, range->hi);
    if (!(lo < hi)) lo = 0, hi = 1;
    const auto level = [&](float z) { return std::isfinite(z) ? (z - lo) / (hi - lo) : 0.0; };

    // Orthographic camera: yaw about the vertical, then tilt by the pitch.
    const double yaw = cam.yaw * M_PI / 180, pitch = cam.pitch * M_PI / 180;
    const double cy = std::cos(yaw), sy = std::sin(yaw), cp = std::cos(pitch), sp = std::sin(pitch);
    constexpr double kRelief = 0.8;  // height of the [0, 1] range against the [-1, 1] square
    std::vector<P3> pts(static_cast<std::size_t>(n) * n);  // screen x, screen y (up), depth
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i) {
            const double u = 2.0 * i / (n - 1) - 1, v = 1 - 2.0 * j / (n - 1);  // row 0 is the top
            const double h = level(f.z[static_cast<std::size_t>(j) * n + i]) * kRelief;
            const double X = cy * u - sy * v, Y = sy * u + cy * v;
            pts[static_cast<std::size_t>(j) * n + i] = {X, Y * sp + h * cp, Y * cp - h * sp};
        }
    // Fit the box [-1, 1]^2 x [0, relief] whatever the angle, so orbiting does not rescale.
    double bx0 = INFINITY, bx1 = -INFINITY, by0 = INFINITY, by1 = -INFINITY;
    for (double u : {-1.0, 1.0})
        for (double v : {-1.0, 1.0})
            for (double h : {0.0, kRelief}) {
                const double X = cy * u - sy * v, Y = sy * u + cy * v;
                bx0 = std::min(bx0, X), bx1 = std::max(bx1, X);
                by0 = std::min(by0, Y * sp + h * cp), by1 = std::max(by1, Y * sp + h * cp);
            }
    const double margin = 0.06 * std::min(width, height);
    const double scale =
        std::min((width - 2 * margin) / (bx1 - bx0), (height - 2 * margin) / (by1 - by0));
    const double ox = width / 2.0 - scale * (bx0 + bx1) / 2,
                 oy = height / 2.0 + scale * (by0 + by1) / 2;
    const auto sx = [&](const P3& p) { return ox + scale * p.x; };
    const auto syp = [&](const P3& p) { return oy - scale * p.y; };

    // Quads far to near (painter's algorithm).
    std::vector<int> order(static_cast<std::size_t>(n - 1) * (n - 1));
    std::iota(order.begin(), order.end(), 0);
    const auto at = [&](int i, int j) -> const P3& {
        return pts[static_cast<std::size_t>(j) * n + i];
    };
    const auto depth = [&](int q) {
        const int i = q % (n - 1), j = q / (n - 1);
        return at(i, j).z + at(i + 1, j).z + at(i, j + 1).z + at(i + 1, j + 1).z;
    };
    std::sort(order.begin(), order.end(), [&](int a, int b) { return depth(a) > depth(b); });

    const core::ColorLut& lut = core::colormap_lut(colour.map);
    cairo_set_line_width(cr, std::max(0.5, width / 1400.0));
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_BEVEL);
    const auto lv = [&](int i, int j) { return level(f.z[static_cast<std::size_t>(j) * n + i]); };
    for (int q : order) {
        const int i = q % (n - 1), j = q / (n - 1);
        const P3* c[4] = {&at(i, j), &at(i + 1, j), &at(i + 1, j + 1), &at(i, j + 1)};
        cairo_move_to(cr, sx(*c[0]), syp(*c[0]));
        for (int k = 1; k < 4; ++k) cairo_line_to(cr, sx(*c[k]), syp(*c[k]));
        cairo_close_path(cr);
        // Lit by the slope of the quad in the plane; coloured by the tint or by height.
        const double du = (lv(i + 1, j) - lv(i, j)) * kRelief * (n - 1) / 2;
        const double dv = (lv(i, j) - lv(i, j + 1)) * kRelief * (n - 1) / 2;
        double light = (1 - 0.45 * du + 0.35 * dv) / std::sqrt(1 + du * du + dv * dv);
        double r, g, b;
        if (colour.tint) {
            light = std::clamp(0.55 + 0.45 * light, 0.35, 1.1);
            r = (*colour.tint)[0], g = (*colour.tint)[1], b = (*colour.tint)[2];
        } else {
            light = std::clamp(0.75 + 0.3 * light, 0.6, 1.1);
            // Heights through the colour map, kept off its white end so that the top of a
            // surface still shows on the paper.
            const double h = std::clamp((lv(i, j) + lv(i + 1, j + 1)) / 2, 0.0, 1.0) * 0.88;
            const auto& rgb = lut[static_cast<std::size_t>(h * 255 + 0.5)];
            r = rgb[0] / 255.0, g = rgb[1] / 255.0, b = rgb[2] / 255.0;
        }
        cairo_set_source_rgb(cr, std::min(1.0, r * light), std::min(1.0, g * light),
                             std::min(1.0, b * light));
        // Filled and stroked in its own colour, so no seams show between quads.
        cairo_fill_preserve(cr);
        cairo_stroke(cr);
    }
    return canvas.rgb();
}

}  // namespace primordial::plot
