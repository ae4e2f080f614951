// The phase diagram (figure 15's companion): pictures over weight scales across and bias scales
// down, with the mean-field edge of chaos drawn through them and the current network marked.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/theory/mean_field.hpp"
#include "core/views/sheet_builder.hpp"

namespace primordial::core {
namespace {

// Where value v falls along tile centres that stand for `values`: geometrically between weight
// scales (log_scale), linearly between bias scales, and beyond the ends the same way.
double along(const std::vector<double>& values, const std::vector<double>& centres, double v,
             bool log_scale) {
    const auto f = [&](double x) { return log_scale ? std::log(x) : x; };
    if (values.size() < 2) return centres.front();
    // The segment holding v; beyond either end, the end segment (extrapolated).
    std::size_t i = 0;
    while (i + 2 < values.size() &&
           (f(v) - f(values[i + 1])) * (f(values[i + 1]) - f(values[0])) > 0)
        ++i;
    const double span = f(values[i + 1]) - f(values[i]);
    const double t = span != 0 ? (f(v) - f(values[i])) / span : 0;
    return centres[i] + t * (centres[i + 1] - centres[i]);
}

// The edge of chaos and the network's marker, in the sheet's pixels, over the grid's rectangles.
void draw_edge(SheetBuilder& b, const Sweep& cs, const Sweep& rs, const std::vector<Rect>& rects) {
    const auto cols = cs.values.size();
    std::vector<double> xc, yc;
    for (std::size_t c = 0; c < cols; ++c) xc.push_back(rects[c].x + rects[c].w / 2.0);
    for (std::size_t r = 0; r < rs.values.size(); ++r)
        yc.push_back(rects[r * cols].y + rects[r * cols].h / 2.0);
    const Rect first = rects.front(), last = rects.back();
    const auto inside = [&](double x, double y) {
        return x >= first.x && x <= last.x + last.w && y >= first.y && y <= last.y + last.h;
    };
    const auto [b_lo, b_hi] = std::minmax_element(rs.values.begin(), rs.values.end());
    std::vector<std::array<double, 2>> line;
    for (const EdgePoint& e : chaos_edge(b.base().network, *b_lo, *b_hi, 24)) {
        const double x = e.weight_scale ? along(cs.values, xc, *e.weight_scale, true) : NAN;
        const double y = along(rs.values, yc, e.bias_scale, false);
        if (e.weight_scale && inside(x, y)) {
            line.push_back({x, y});
            continue;
        }
        if (line.size() > 1) b.overlay().lines.push_back(line);
        line.clear();
    }
    if (line.size() > 1) b.overlay().lines.push_back(std::move(line));
    const NetworkParams& n = b.base().network;
    const double mx = along(cs.values, xc, n.scale, true);
    const double my = along(rs.values, yc, n.hidden_bias_scale(), false);
    if (inside(mx, my)) b.overlay().marker = std::array<double, 2>{mx, my};
}

}  // namespace

std::string phase_unavailable(const Params& p) {
    if (const std::string why = needs_hidden_layer(p, "the phase diagram"); !why.empty())
        return why;
    return p.network.set_weights.empty()
               ? ""
               : "the phase diagram needs seeded weights, not hand-set ones";
}

ViewSpec phase_view(const Params& p) {
    ViewSpec v;
    v.kind = ViewKind::phase;
    const double s = critical_scale(p.network).value_or(p.network.scale);
    v.columns = make_sweep(SweepParam::scale, s / 2, s * 3, 7, true);
    const double b = std::max(p.network.hidden_bias_scale(), 0.05 * s);
    v.rows = make_sweep(SweepParam::bias_scale, 2 * b, 0, 5, false);
    return v;
}

void layout_phase(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    // Weight scales across, bias scales down (any other sweeps: the defaults).
    const ViewSpec d = phase_view(base);
    const Sweep& cs = spec.columns.param == SweepParam::scale ? spec.columns : d.columns;
    const Sweep& rs =
        spec.rows && spec.rows->param == SweepParam::bias_scale ? *spec.rows : *d.rows;
    const int cols = static_cast<int>(cs.values.size()), rows = static_cast<int>(rs.values.size());
    check_tile_count(cols * rows);
    for (double v : cs.values)
        if (!(v > 0)) view_error("the phase diagram's weight scales must be > 0");
    const auto rects = grid_rects(cols * rows, cols, rows, b.width(), b.height(), b.gap());
    for (std::size_t r = 0; r < rs.values.size(); ++r)
        for (std::size_t c = 0; c < cs.values.size(); ++c) {
            char label[64];  // short: a tile's caption has to fit on it
            std::snprintf(label, sizeof label, "s %.3g  b %.3g", cs.values[c], rs.values[r]);
            const Params p = with_value(with_value(base, SweepParam::bias_scale, rs.values[r]),
                                        SweepParam::scale, cs.values[c]);
            b.picture(checked_tile(p, label), rects[r * cs.values.size() + c], label);
        }
    draw_edge(b, cs, rs, rects);
}

}  // namespace primordial::core
