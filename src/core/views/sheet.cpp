#include "core/views/sheet.hpp"

#include "core/net/lineage.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/eval/probe.hpp"
#include "core/net/lineage.hpp"
#include "core/theory/mean_field.hpp"
#include "core/theory/stats.hpp"

namespace primordial::core {
namespace {

// Colours of the hidden units' surfaces (figure 5): blue, orange, red, then more.
constexpr std::array<float, 3> kUnitTints[] = {{0.16f, 0.27f, 0.95f}, {0.95f, 0.55f, 0.18f},
                                               {0.90f, 0.20f, 0.15f}, {0.20f, 0.65f, 0.30f},
                                               {0.60f, 0.35f, 0.75f}, {0.10f, 0.70f, 0.80f}};

[[noreturn]] void fail(const std::string& what) {
    throw InputError("view: " + what);
}

// Checks one tile's parameters, naming the tile in the message.
Params checked(const Params& p, const std::string& label) {
    try {
        validate(p);
    } catch (const InputError& e) {
        fail(label + ": " + e.what());
    }
    return p;
}

class Builder {
public:
    Builder(const Params& base, int width, int height)
        : base_(base), gap_(std::max(2, std::min(width, height) / 160)) {
        sheet_.width = width;
        sheet_.height = height;
    }

    // A tile standing for `p`, drawn at its rectangle's size.
    static SheetTile tile(const Params& p, Rect r, std::string label) {
        SheetTile t;
        t.rect = r;
        t.label = std::move(label);
        t.params = p;
        t.params.image_width = r.w;
        t.params.image_height = r.h;
        t.colormap = p.colormap;
        return t;
    }

    SheetTile& picture(const Params& p, Rect r, std::string label) {
        SheetTile t = tile(p, r, std::move(label));
        t.network = build_network(p.network);
        sheet_.tiles.push_back(std::move(t));
        return sheet_.tiles.back();
    }

    // A grey picture of one unit of `net`'s last layer.
    void unit(const Network& net, int u, Rect r, std::string label, bool pre_activation) {
        SheetTile t = tile(base_, r, std::move(label));
        t.colormap = ColorMap::grey;
        const auto bounded = bounded_range(net.layers.back().activation);
        const ValueRange range =
            bounded && !pre_activation ? *bounded : sampled_range(net, base_.view, r.w, r.h, u);
        t.network = probe(net, u, range);
        sheet_.tiles.push_back(std::move(t));
    }

    SheetTile& plot(TileContent c, const Network& net, Rect r, std::string label) {
        SheetTile t = tile(base_, r, std::move(label));
        t.content = c;
        t.network = net;
        sheet_.tiles.push_back(std::move(t));
        return sheet_.tiles.back();
    }

    // Near-square grid of `count` tiles filling the canvas (or the given area).
    std::vector<Rect> auto_grid(int count, int wrap = 0) const {
        int cols = wrap;
        if (cols <= 0) {
            // The column count that gives the largest tiles.
            double best = -1;
            for (int c = 1; c <= count; ++c) {
                const int r = (count + c - 1) / c;
                const double side = std::min(static_cast<double>(sheet_.width) / c,
                                             static_cast<double>(sheet_.height) / r);
                if (side > best + 1e-9) best = side, cols = c;
            }
        }
        cols = std::min(cols, count);
        return grid_rects(count, cols, (count + cols - 1) / cols, sheet_.width, sheet_.height,
                          gap_);
    }

    Sheet take() { return std::move(sheet_); }
    Overlay& overlay() { return sheet_.overlay; }
    const Sheet& sheet() const { return sheet_; }
    int gap() const { return gap_; }

private:
    const Params& base_;
    Sheet sheet_;
    int gap_;
};

void check_count(int n) {
    if (n < 1) fail("nothing to show");
    if (n > kMaxSheetTiles)
        fail(std::to_string(n) + " tiles is more than the limit of " +
             std::to_string(kMaxSheetTiles));
}

}  // namespace

std::string_view to_string(ViewKind k) {
    return name_of(kViewKindTable, k);
}

std::string view_unavailable(const Params& p, ViewKind kind) {
    switch (kind) {
        case ViewKind::decomposition:
        case ViewKind::surfaces:
            if (p.network.depth < 2)
                return std::string(to_string(kind)) + " needs a hidden layer (depth 2 or more)";
            break;
        case ViewKind::channels:
            if (p.network.outputs != 3) return "channels needs a network with 3 outputs (RGB)";
            break;
        case ViewKind::phase:
            if (p.network.depth < 2)
                return "the phase diagram needs a hidden layer (depth 2 or more)";
            if (!p.network.set_weights.empty())
                return "the phase diagram needs seeded weights, not hand-set ones";
            break;
        case ViewKind::regions:
            return regions_unavailable(p.network);
        case ViewKind::breed:
            if (!p.network.set_weights.empty())
                return "breeding needs seeded weights, not hand-set ones";
            break;
        default:
            break;
    }
    return "";
}

ViewKind next_view(const Params& p, ViewKind kind) {
    const auto n = std::size(kViewKinds);
    std::size_t i = 0;
    while (i < n && kViewKinds[i] != kind) ++i;
    for (std::size_t k = 1; k <= n; ++k) {
        const ViewKind next = kViewKinds[(i + k) % n];
        if (view_unavailable(p, next).empty()) return next;
    }
    return ViewKind::picture;
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

int Sheet::tile_at(double px, double py) const {
    for (std::size_t i = 0; i < tiles.size(); ++i)
        if (tiles[i].rect.contains(px, py)) return static_cast<int>(i);
    return -1;
}

std::vector<Rect> grid_rects(int count, int cols, int rows, int width, int height, int gap) {
    const int side = std::max(
        1, std::min((width - gap * (cols + 1)) / cols, (height - gap * (rows + 1)) / rows));
    const int x0 = (width - cols * side - (cols - 1) * gap) / 2;
    const int y0 = (height - rows * side - (rows - 1) * gap) / 2;
    std::vector<Rect> out;
    for (int i = 0; i < count; ++i)
        out.push_back({x0 + (i % cols) * (side + gap), y0 + (i / cols) * (side + gap), side, side});
    return out;
}

std::string activation_role(const NetworkParams& n, Activation f) {
    const std::string name(to_string(f));
    const bool hidden = n.depth > 1 && std::find(n.activations.begin(), n.activations.end(), f) !=
                                           n.activations.end();
    const bool output = n.output_activation == f;
    if (hidden && output) return name + ": the hidden layers' and the output's activation";
    if (hidden) return name + ": the hidden layers' activation";
    if (output) return name + ": the output layer's activation (colour = " + name + " of the sum)";
    return name + " (not used by this network)";
}

Sheet build_sheet(const Params& base, const ViewSpec& spec, int width, int height) {
    validate(base);
    if (width < 1 || height < 1) fail("the canvas is empty");
    Builder b(base, width, height);
    const int depth = base.network.depth;
    switch (spec.kind) {
        case ViewKind::picture:
            b.picture(base, {0, 0, width, height}, "picture");
            break;

        case ViewKind::grid: {
            const Sweep& cs = spec.columns;
            const int cols = static_cast<int>(cs.values.size());
            if (spec.rows) {
                const Sweep& rs = *spec.rows;
                const int rows = static_cast<int>(rs.values.size());
                check_count(cols * rows);
                const auto rects = grid_rects(cols * rows, cols, rows, width, height, b.gap());
                for (int r = 0; r < rows; ++r)
                    for (int c = 0; c < cols; ++c) {
                        const auto ri = static_cast<std::size_t>(r),
                                   ci = static_cast<std::size_t>(c);
                        const std::string label = sweep_label(rs, ri) + ", " + sweep_label(cs, ci);
                        const Params p = sweep_point(sweep_point(base, rs, ri), cs, ci);
                        b.picture(checked(p, label), rects[r * cols + c], label);
                    }
            } else {
                check_count(cols);
                const auto rects = b.auto_grid(cols, spec.wrap);
                for (int c = 0; c < cols; ++c) {
                    const auto ci = static_cast<std::size_t>(c);
                    const std::string label = sweep_label(cs, ci);
                    b.picture(checked(sweep_point(base, cs, ci), label), rects[c], label);
                }
            }
            break;
        }

        case ViewKind::progression: {
            const int frames = std::clamp(spec.frames, 1, kMaxProgressionFrames);
            // The main picture on the left, the filmstrip on the right in as many columns as
            // make its frames largest.
            const int strip = std::max(1, width / 5);
            int best_cols = 1, best_side = 0;
            for (int c = 1; c <= 4; ++c) {
                const int rows = (frames + c - 1) / c;
                const int side = std::min(strip / c, height / rows);
                if (side > best_side) best_side = side, best_cols = c;
            }
            b.picture(base, {0, 0, width - strip, height}, "depth " + std::to_string(depth)).main =
                true;
            const int rows = (frames + best_cols - 1) / best_cols;
            auto rects = grid_rects(frames, best_cols, rows, strip, height, b.gap());
            for (int k = 1; k <= frames; ++k) {
                Rect r = rects[static_cast<std::size_t>(k - 1)];
                r.x += width - strip;
                const std::string label = "depth " + std::to_string(k);
                b.picture(checked(with_value(base, SweepParam::depth, k), label), r, label);
            }
            break;
        }

        case ViewKind::neurons: {
            if (spec.layer < 1 || spec.layer > depth)
                fail("layer must be between 1 and " + std::to_string(depth) + " (got " +
                     std::to_string(spec.layer) + ")");
            const Network net = truncated(build_network(base.network), spec.layer);
            const int units = std::min(net.layers.back().out, kMaxSheetTiles - 1);
            // The output layer of an RGB network also shows the colour picture its units make.
            const bool rgb = spec.layer == depth && base.network.outputs == 3;
            const auto rects = b.auto_grid(units + (rgb ? 1 : 0));
            for (int u = 0; u < units; ++u)
                b.unit(net, u, rects[static_cast<std::size_t>(u)],
                       "layer " + std::to_string(spec.layer) + " unit " + std::to_string(u + 1),
                       false);
            if (rgb) b.picture(base, rects.back(), "red, green, blue");
            break;
        }

        case ViewKind::decomposition: {
            if (const auto why = view_unavailable(base, spec.kind); !why.empty()) fail(why);
            const Network full = build_network(base.network);
            const Network hidden = truncated(full, depth - 1);
            // An RGB network has a weighted sum per channel: each shown, and named.
            const int sums = base.network.outputs == 3 ? 3 : 1;
            const int units = std::min(hidden.layers.back().out, kMaxSheetTiles - 1 - sums);
            const auto rects = b.auto_grid(units + sums + 1);
            for (int u = 0; u < units; ++u)
                b.unit(hidden, u, rects[static_cast<std::size_t>(u)],
                       "unit " + std::to_string(u + 1), false);
            const char* channel[] = {"red: ", "green: ", "blue: "};
            const Network pre = truncated(full, depth, true);
            for (int k = 0; k < sums; ++k)
                b.unit(pre, k, rects[static_cast<std::size_t>(units + k)],
                       std::string(sums == 3 ? channel[k] : "") + "weighted sum", true);
            b.picture(base, rects.back(),
                      std::string(to_string(base.network.output_activation)) +
                          (sums == 3 ? " of the sums: red, green, blue" : " of the sum"));
            break;
        }

        case ViewKind::curves: {
            const Network net = build_network(base.network);
            std::vector<TileContent> parts;
            if (depth >= 2) parts.push_back(TileContent::hidden_curves);
            parts.push_back(TileContent::sum_curve);
            parts.push_back(TileContent::output_curve);
            const int n = static_cast<int>(parts.size());
            const int g = b.gap() * 4;
            const int w = (width - g * (n + 1)) / n, h = std::min(height - 2 * g, w);
            if (w < 8 || h < 8) fail("the canvas is too small for the plots");
            const bool rgb = base.network.outputs == 3;
            const char* names[] = {"hidden units",
                                   rgb ? "weighted sums: red, green, blue" : "weighted sum",
                                   rgb ? "outputs: red, green, blue" : "output"};
            for (int i = 0; i < n; ++i)
                b.plot(parts[static_cast<std::size_t>(i)], net,
                       {g + i * (w + g), (height - h) / 2, w, h},
                       names[static_cast<int>(parts[static_cast<std::size_t>(i)]) - 1]);
            break;
        }

        case ViewKind::heightmap: {
            // [the activation's curve,] the surface, the picture: side by side.
            const int panels = spec.curve ? 3 : 2;
            const int g = b.gap() * 4;
            const int side = std::min((width - (panels + 1) * g) / panels, height - 2 * g);
            if (side < 8) fail("the canvas is too small for the height map");
            const int y = (height - side) / 2;
            int x = (width - panels * side - (panels - 1) * g) / 2;
            const Network net = build_network(base.network);
            if (spec.curve) {
                SheetTile& c = b.plot(TileContent::function_curve, net, {x, y, side, side},
                                      std::string(to_string(base.network.output_activation)));
                c.function = base.network.output_activation;
                c.params.view = ViewParams{};
                c.params.view.extent = 6;  // where a sigmoid or tanh turns
                x += side + g;
            }
            SheetTile& surface =
                b.plot(TileContent::surface, net, {x, y, side, side}, "height map");
            surface.camera = spec.camera;
            if (spec.surface_extent) surface.params.view.extent = *spec.surface_extent;
            b.picture(base, {x + side + g, y, side, side}, "pixel intensity");
            break;
        }

        case ViewKind::surfaces: {
            // The last hidden layer's units as small tinted surfaces on the left, the output as a
            // surface in the middle, the picture on the right (figure 5).
            if (const auto why = view_unavailable(base, spec.kind); !why.empty()) fail(why);
            const Network full = build_network(base.network);
            const Network hidden = truncated(full, depth - 1);
            const int units = std::min(hidden.layers.back().out, kMaxSheetTiles - 2);
            const int g = b.gap() * 4;
            const int side = std::min((width - 4 * g) / 3, height - 2 * g);
            if (side < 8) fail("the canvas is too small for the surfaces");
            const int y = (height - side) / 2, x0 = (width - 3 * side - 2 * g) / 2;
            // A few units cluster in a square beside the output, as figure 5's three do; more fill
            // the left column's whole height, in the grid that makes them largest.
            const int column_h = units <= 4 ? side : height - 2 * g;
            int cols = 1, best = 0;
            for (int c = 1; c <= units; ++c) {
                const int r = (units + c - 1) / c;
                const int tile =
                    std::min((side - b.gap() * (c + 1)) / c, (column_h - b.gap() * (r + 1)) / r);
                if (tile > best) best = tile, cols = c;
            }
            const int rows = (units + cols - 1) / cols;
            auto rects = grid_rects(units, cols, rows, side, column_h, b.gap());
            for (Rect& r : rects) r.y += (height - column_h) / 2 - y;  // centred in the column
            const auto bounded = bounded_range(hidden.layers.back().activation);
            for (int u = 0; u < units; ++u) {
                Rect r = rects[static_cast<std::size_t>(u)];
                r.x += x0, r.y += y;
                // A probe maps the unit onto [0, 1]: its bounds, or its range over the picture.
                const ValueRange range =
                    bounded ? *bounded : sampled_range(hidden, base.view, side, side, u);
                SheetTile& t = b.plot(TileContent::surface, probe(hidden, u, range), r,
                                      "unit " + std::to_string(u + 1));
                t.camera = spec.camera;
                t.tint = kUnitTints[static_cast<std::size_t>(u) % std::size(kUnitTints)];
            }
            b.plot(TileContent::surface, full, {x0 + side + g, y, side, side}, "the output")
                .camera = spec.camera;
            b.picture(base, {x0 + 2 * (side + g), y, side, side}, "pixel intensity");
            break;
        }

        case ViewKind::channels: {
            // Each output alone in its own colour, an arrow, and the colour picture they make
            // together (figure 6).
            if (const auto why = view_unavailable(base, spec.kind); !why.empty()) fail(why);
            const Network net = build_network(base.network);
            const int g = b.gap() * 2;
            const int side = std::min((width - 7 * g) * 2 / 9, height - 2 * g);
            if (side < 8) fail("the canvas is too small for the channels");
            const int arrow = side / 2;
            const int y = (height - side) / 2;
            int x = (width - 4 * side - arrow - 5 * g) / 2;
            const char* names[] = {"red", "green", "blue"};
            for (int c = 0; c < 3; ++c, x += side + g) {
                SheetTile& t = b.picture(base, {x, y, side, side}, names[c]);
                t.network = only_output(net, c);
            }
            b.plot(TileContent::arrow, net, {x + g, y, arrow, side}, "");
            b.picture(base, {x + arrow + 3 * g, y, side, side}, "red, green, blue");
            break;
        }

        case ViewKind::phase: {
            if (const auto why = view_unavailable(base, spec.kind); !why.empty()) fail(why);
            // Weight scales across, bias scales down (any other sweeps: the defaults).
            const ViewSpec d = phase_view(base);
            const Sweep& cs = spec.columns.param == SweepParam::scale ? spec.columns : d.columns;
            const Sweep& rs =
                spec.rows && spec.rows->param == SweepParam::bias_scale ? *spec.rows : *d.rows;
            const int cols = static_cast<int>(cs.values.size()),
                      rows = static_cast<int>(rs.values.size());
            check_count(cols * rows);
            for (double v : cs.values)
                if (!(v > 0)) fail("the phase diagram's weight scales must be > 0");
            const auto rects = grid_rects(cols * rows, cols, rows, width, height, b.gap());
            for (int r = 0; r < rows; ++r)
                for (int c = 0; c < cols; ++c) {
                    char label[64];  // short: a tile's caption has to fit on it
                    std::snprintf(label, sizeof label, "s %.3g  b %.3g", cs.values[c],
                                  rs.values[r]);
                    const Params p =
                        with_value(with_value(base, SweepParam::bias_scale, rs.values[r]),
                                   SweepParam::scale, cs.values[c]);
                    b.picture(checked(p, label), rects[r * cols + c], label);
                }
            // Tile centres stand for their values; between them weight scales go geometrically,
            // bias scales linearly (and beyond the ends the same way).
            const auto along = [](const std::vector<double>& values,
                                  const std::vector<double>& centres, double v, bool log_scale) {
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
            };
            std::vector<double> xc, yc;
            for (int c = 0; c < cols; ++c) xc.push_back(rects[c].x + rects[c].w / 2.0);
            for (int r = 0; r < rows; ++r)
                yc.push_back(rects[r * cols].y + rects[r * cols].h / 2.0);
            const Rect first = rects.front(), last = rects.back();
            const auto inside = [&](double x, double y) {
                return x >= first.x && x <= last.x + last.w && y >= first.y && y <= last.y + last.h;
            };
            // The edge of chaos: for each bias scale, the weight scale where chi1 = 1.
            const double b_lo = *std::min_element(rs.values.begin(), rs.values.end());
            const double b_hi = *std::max_element(rs.values.begin(), rs.values.end());
            const SquareTable table(reference_activation(base.network));
            std::vector<std::array<double, 2>> line;
            constexpr int kSteps = 24;
            for (int i = 0; i <= kSteps; ++i) {
                NetworkParams n = base.network;
                n.bias_scale = b_lo + (b_hi - b_lo) * i / kSteps;
                const auto sc = critical_scale(n, table);
                const double x = sc ? along(cs.values, xc, *sc, true) : NAN;
                const double y = along(rs.values, yc, *n.bias_scale, false);
                if (sc && inside(x, y)) {
                    line.push_back({x, y});
                } else if (line.size() > 1) {
                    b.overlay().lines.push_back(std::move(line));
                    line.clear();
                } else {
                    line.clear();
                }
            }
            if (line.size() > 1) b.overlay().lines.push_back(std::move(line));
            const double mx = along(cs.values, xc, base.network.scale, true);
            const double my = along(rs.values, yc, base.network.hidden_bias_scale(), false);
            if (inside(mx, my)) b.overlay().marker = std::array<double, 2>{mx, my};
            break;
        }

        case ViewKind::regions: {
            if (const auto why = view_unavailable(base, spec.kind); !why.empty()) fail(why);
            b.plot(TileContent::regions, build_network(base.network), {0, 0, width, height},
                   "linear regions");
            break;
        }

        case ViewKind::breed: {
            if (const auto why = view_unavailable(base, spec.kind); !why.empty()) fail(why);
            const Breeding& br = spec.breed;
            const int n = std::clamp(br.size, 3, 4);
            const auto line = ancestors(base.network, kLineageStrip);
            // The lineage strip along the bottom, when there are ancestors.
            const int strip = line.empty() ? 0 : std::max(24, height / 7);
            const auto rects = grid_rects(n * n, n, n, width, height - strip, b.gap());
            const int centre = n == 3 ? 4 : 5;
            const int generation = static_cast<int>(base.network.lineage.size());
            for (int i = 0, child = 0; i < n * n; ++i) {
                if (i == centre) {
                    b.picture(base, rects[i], "parent, generation " + std::to_string(generation))
                        .main = true;
                    continue;
                }
                Params p = base;
                p.network =
                    mutate(base.network, child_key(br.roll, child), br.strength, br.structural);
                std::string label = "child " + std::to_string(child + 1);
                if (const ShapeChange c = p.network.lineage.back().change; c != ShapeChange::none)
                    label += ": " + std::string(to_string(c));
                b.picture(checked(p, label), rects[i], label);
                ++child;
            }
            const int side = strip - b.gap();
            for (std::size_t k = 0; k < line.size() && side > 0; ++k) {
                Params p = base;
                p.network = line[k];
                const Rect r{b.gap() + static_cast<int>(k) * (side + b.gap()), height - strip, side,
                             side};
                if (r.x + r.w > width) break;
                b.picture(p, r, "generation " + std::to_string(line[k].lineage.size())).ancestor =
                    true;
            }
            break;
        }

        case ViewKind::activation: {
            const Activation f = spec.function.value_or(base.network.output_activation);
            SheetTile& t = b.plot(TileContent::function_curve, build_network(base.network),
                                  {0, 0, width, height}, activation_role(base.network, f));
            t.function = f;
            break;
        }
    }
    return b.take();
}

}  // namespace primordial::core
