// The network along one input as curves (figure 4): the hidden units, the weighted sum, the
// output.
#include "core/views/sheet_builder.hpp"

namespace primordial::core {

void layout_curves(SheetBuilder& b, const ViewSpec&) {
    const Params& base = b.base();
    const Network net = build_network(base.network);
    std::vector<TileContent> parts;
    if (base.network.depth >= 2) parts.push_back(TileContent::hidden_curves);
    parts.push_back(TileContent::sum_curve);
    parts.push_back(TileContent::output_curve);
    const int n = static_cast<int>(parts.size());
    const int g = b.gap() * 4;
    const int w = (b.width() - g * (n + 1)) / n, h = std::min(b.height() - 2 * g, w);
    if (w < 8 || h < 8) view_error("the canvas is too small for the plots");
    const bool rgb = base.network.outputs == 3;
    const char* names[] = {"hidden units", rgb ? "weighted sums: red, green, blue" : "weighted sum",
                           rgb ? "outputs: red, green, blue" : "output"};
    for (int i = 0; i < n; ++i) {
        const TileContent part = parts[static_cast<std::size_t>(i)];
        b.plot(part, net, {g + i * (w + g), (b.height() - h) / 2, w, h},
               names[static_cast<int>(part) - 1]);
    }
}

}  // namespace primordial::core
