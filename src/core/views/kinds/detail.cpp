// Where the detail is (issue 27): the picture with the hub's predicted edge drawn on it, beside
// how busy the picture is by distance from the centre of the plane (the mean-field theory, this
// network, the mean of a few seeds) and how each layer's gradient builds up with depth.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <numbers>

#include "core/theory/detail.hpp"
#include "core/views/sheet_builder.hpp"

namespace primordial::core {
namespace {

// The circle |x| = r over a picture tile, in sheet pixels, cut where it leaves the tile.
void draw_circle(SheetBuilder& b, const SheetTile& t, double r) {
    const ViewParams& v = t.params.view;
    const double step = 2 * v.extent / std::min(t.rect.w, t.rect.h);
    std::vector<std::array<double, 2>> line;
    constexpr int kSegments = 180;
    for (int i = 0; i <= kSegments; ++i) {
        const double a = 2 * std::numbers::pi * i / kSegments;
        const double px = t.rect.x + t.rect.w / 2.0 + (r * std::cos(a) - v.center_x) / step;
        const double py = t.rect.y + t.rect.h / 2.0 - (r * std::sin(a) - v.center_y) / step;
        if (t.rect.contains(px, py)) {
            line.push_back({px, py});
            continue;
        }
        if (line.size() > 1) b.overlay().lines.push_back(line);
        line.clear();
    }
    if (line.size() > 1) b.overlay().lines.push_back(std::move(line));
}

}  // namespace

void layout_detail(SheetBuilder& b, const ViewSpec&) {
    const Params& base = b.base();
    const int g = b.gap() * 2;
    // The picture square on the left (above, on a tall canvas), the plots beside it.
    const bool wide = b.width() >= b.height();
    const int side = wide ? std::min(b.height() - 2 * g, (b.width() - 3 * g) / 2)
                          : std::min(b.width() - 2 * g, (b.height() - 3 * g) / 2);
    if (side < 16) view_error("the canvas is too small for the detail view");
    const Rect picture = wide ? Rect{g, (b.height() - side) / 2, side, side}
                              : Rect{(b.width() - side) / 2, g, side, side};
    const Rect plot =
        wide ? Rect{picture.x + side + g, g, b.width() - side - 3 * g, b.height() - 2 * g}
             : Rect{g, picture.y + side + g, b.width() - 2 * g, b.height() - side - 3 * g};
    const SheetTile& tile = b.picture(base, picture, "this network");
    auto theory = std::make_shared<const DetailCurves>(
        predict_curves(base, farthest_radius(base.view), kDetailRadii));
    if (theory->hub) draw_circle(b, tile, *theory->hub);
    const Network net = tile.network;  // `tile` moves when the plot's tile is added
    b.plot(TileContent::detail, net, plot, "").detail = std::move(theory);
}

}  // namespace primordial::core
