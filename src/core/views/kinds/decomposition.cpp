// The output as the sum of the last hidden layer's units (figure 4's tiles): each unit, the
// weighted sum (one per channel of an RGB network), and the picture.
#include <algorithm>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {

std::string decomposition_unavailable(const Params& p) {
    return needs_hidden_layer(p, "decomposition");
}

void layout_decomposition(SheetBuilder& b, const ViewSpec&) {
    const Params& base = b.base();
    const int depth = base.network.depth;
    const Network full = build_network(base.network);
    const Network hidden = truncated(full, depth - 1);
    const int sums = base.network.outputs == 3 ? 3 : 1;
    const int units = std::min(hidden.layers.back().out, kMaxSheetTiles - 1 - sums);
    const auto rects = b.auto_grid(units + sums + 1);
    for (int u = 0; u < units; ++u)
        b.unit(hidden, u, rects[static_cast<std::size_t>(u)], "unit " + std::to_string(u + 1),
               false);
    const char* channel[] = {"red: ", "green: ", "blue: "};
    const Network pre = truncated(full, depth, true);
    for (int k = 0; k < sums; ++k)
        b.unit(pre, k, rects[static_cast<std::size_t>(units + k)],
               std::string(sums == 3 ? channel[k] : "") + "weighted sum", true);
    b.picture(base, rects.back(),
              std::string(to_string(base.network.output_activation)) +
                  (sums == 3 ? " of the sums: red, green, blue" : " of the sum"));
}

}  // namespace primordial::core
