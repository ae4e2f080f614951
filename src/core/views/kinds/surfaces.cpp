// The last hidden layer's units as small tinted surfaces, the output as a surface, and the picture
// (figure 5).
#include <algorithm>
#include <array>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {
namespace {

// Colours of the hidden units' surfaces (figure 5): blue, orange, red, then more.
constexpr std::array<float, 3> kUnitTints[] = {{0.16f, 0.27f, 0.95f}, {0.95f, 0.55f, 0.18f},
                                               {0.90f, 0.20f, 0.15f}, {0.20f, 0.65f, 0.30f},
                                               {0.60f, 0.35f, 0.75f}, {0.10f, 0.70f, 0.80f}};

// The units' tiles in a side x column_h area: a few cluster in a square beside the output, as
// figure 5's three do; more fill the column's whole height, in the grid that makes them largest.
std::vector<Rect> unit_rects(int units, int side, int column_h, int gap) {
    int cols = 1, best = 0;
    for (int c = 1; c <= units; ++c) {
        const int r = (units + c - 1) / c;
        const int tile = std::min((side - gap * (c + 1)) / c, (column_h - gap * (r + 1)) / r);
        if (tile > best) best = tile, cols = c;
    }
    return grid_rects(units, cols, (units + cols - 1) / cols, side, column_h, gap);
}

}  // namespace

std::string surfaces_unavailable(const Params& p) {
    return needs_hidden_layer(p, "surfaces");
}

void layout_surfaces(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    const Network full = build_network(base.network);
    const Network hidden = truncated(full, base.network.depth - 1);
    const int units = std::min(hidden.layers.back().out, kMaxSheetTiles - 2);
    const int g = b.gap() * 4, height = b.height();
    const int side = std::min((b.width() - 4 * g) / 3, height - 2 * g);
    if (side < 8) view_error("the canvas is too small for the surfaces");
    const int y = (height - side) / 2, x0 = (b.width() - 3 * side - 2 * g) / 2;
    const int column_h = units <= 4 ? side : height - 2 * g;
    const auto bounded = bounded_range(hidden.layers.back().activation);
    const auto rects = unit_rects(units, side, column_h, b.gap());
    for (int u = 0; u < units; ++u) {
        Rect r = rects[static_cast<std::size_t>(u)];
        r.x += x0;
        r.y += (height - column_h) / 2;  // the column centred on the canvas
        // A probe maps the unit onto [0, 1]: its bounds, or its range over the picture.
        const ValueRange range =
            bounded ? *bounded : sampled_range(hidden, base.view, side, side, u);
        SheetTile& t = b.plot(TileContent::surface, probe(hidden, u, range), r,
                              "unit " + std::to_string(u + 1));
        t.camera = spec.camera;
        t.tint = kUnitTints[static_cast<std::size_t>(u) % std::size(kUnitTints)];
    }
    b.plot(TileContent::surface, full, {x0 + side + g, y, side, side}, "the output").camera =
        spec.camera;
    b.picture(base, {x0 + 2 * (side + g), y, side, side}, "pixel intensity");
}

}  // namespace primordial::core
