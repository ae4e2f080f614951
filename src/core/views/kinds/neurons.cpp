// The units of one layer, each as a grey picture (figure 2); the output layer of an RGB network
// also shows the colour picture its units make.
#include <algorithm>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {

void layout_neurons(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    const int depth = base.network.depth;
    if (spec.layer < 1 || spec.layer > depth)
        view_error("layer must be between 1 and " + std::to_string(depth) + " (got " +
                   std::to_string(spec.layer) + ")");
    const Network net = truncated(build_network(base.network), spec.layer);
    const int units = std::min(net.layers.back().out, kMaxSheetTiles - 1);
    const bool rgb = spec.layer == depth && base.network.outputs == 3;
    const auto rects = b.auto_grid(units + (rgb ? 1 : 0));
    for (int u = 0; u < units; ++u)
        b.unit(net, u, rects[static_cast<std::size_t>(u)],
               "layer " + std::to_string(spec.layer) + " unit " + std::to_string(u + 1), false);
    if (rgb) b.picture(base, rects.back(), "red, green, blue");
}

}  // namespace primordial::core
