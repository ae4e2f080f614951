#include "core/views/sheet_builder.hpp"

#include <algorithm>

namespace primordial::core {

void view_error(const std::string& what) {
    throw InputError("view: " + what);
}

Params checked_tile(const Params& p, const std::string& label) {
    try {
        validate(p);
    } catch (const InputError& e) {
        view_error(label + ": " + e.what());
    }
    return p;
}

void check_tile_count(int n) {
    if (n < 1) view_error("nothing to show");
    if (n > kMaxSheetTiles)
        view_error(std::to_string(n) + " tiles is more than the limit of " +
                   std::to_string(kMaxSheetTiles));
}

std::string needs_hidden_layer(const Params& p, std::string_view what) {
    if (p.network.depth >= 2) return "";
    return std::string(what) + " needs a hidden layer (depth 2 or more)";
}

SheetBuilder::SheetBuilder(const Params& base, int width, int height)
    : base_(base), gap_(std::max(2, std::min(width, height) / 160)) {
    sheet_.width = width;
    sheet_.height = height;
}

SheetTile SheetBuilder::tile(const Params& p, Rect r, std::string label) const {
    SheetTile t;
    t.rect = r;
    t.label = std::move(label);
    t.params = p;
    t.params.image_width = r.w;
    t.params.image_height = r.h;
    t.colormap = p.colormap;
    return t;
}

SheetTile& SheetBuilder::picture(const Params& p, Rect r, std::string label) {
    SheetTile t = tile(p, r, std::move(label));
    t.network = build_network(p.network);
    sheet_.tiles.push_back(std::move(t));
    return sheet_.tiles.back();
}

void SheetBuilder::unit(const Network& net, int u, Rect r, std::string label, bool pre_activation) {
    SheetTile t = tile(base_, r, std::move(label));
    t.colormap = ColorMap::grey;
    const auto bounded = bounded_range(net.layers.back().activation);
    const ValueRange range =
        bounded && !pre_activation ? *bounded : sampled_range(net, base_.view, r.w, r.h, u);
    t.network = probe(net, u, range);
    sheet_.tiles.push_back(std::move(t));
}

SheetTile& SheetBuilder::plot(TileContent c, const Network& net, Rect r, std::string label) {
    SheetTile t = tile(base_, r, std::move(label));
    t.content = c;
    t.network = net;
    sheet_.tiles.push_back(std::move(t));
    return sheet_.tiles.back();
}

std::vector<Rect> SheetBuilder::auto_grid(int count, int wrap) const {
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
    return grid_rects(count, cols, (count + cols - 1) / cols, sheet_.width, sheet_.height, gap_);
}

}  // namespace primordial::core
