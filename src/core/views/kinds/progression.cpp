// The layer progression (figures 7 and 8): the picture large, and a filmstrip of the same network
// cut after 1, 2, ... layers.
#include <algorithm>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {

void layout_progression(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    const int width = b.width(), height = b.height();
    const int frames = std::clamp(spec.frames, 1, kMaxProgressionFrames);
    // The main picture on the left, the filmstrip on the right in as many columns as make its
    // frames largest.
    const int strip = std::max(1, width / 5);
    int best_cols = 1, best_side = 0;
    for (int c = 1; c <= 4; ++c) {
        const int rows = (frames + c - 1) / c;
        const int side = std::min(strip / c, height / rows);
        if (side > best_side) best_side = side, best_cols = c;
    }
    b.picture(base, {0, 0, width - strip, height}, "depth " + std::to_string(base.network.depth))
        .main = true;
    const int rows = (frames + best_cols - 1) / best_cols;
    auto rects = grid_rects(frames, best_cols, rows, strip, height, b.gap());
    for (int k = 1; k <= frames; ++k) {
        Rect r = rects[static_cast<std::size_t>(k - 1)];
        r.x += width - strip;
        const std::string label = "depth " + std::to_string(k);
        b.picture(checked_tile(with_value(base, SweepParam::depth, k), label), r, label);
    }
}

}  // namespace primordial::core
