// Each output of an RGB network alone in its own colour, an arrow, and the colour picture they
// make together (figure 6).
#include <algorithm>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {

std::string channels_unavailable(const Params& p) {
    return p.network.outputs == 3 ? "" : "channels needs a network with 3 outputs (RGB)";
}

void layout_channels(SheetBuilder& b, const ViewSpec&) {
    const Params& base = b.base();
    const Network net = build_network(base.network);
    const int g = b.gap() * 2;
    const int side = std::min((b.width() - 7 * g) * 2 / 9, b.height() - 2 * g);
    if (side < 8) view_error("the canvas is too small for the channels");
    const int arrow = side / 2;
    const int y = (b.height() - side) / 2;
    int x = (b.width() - 4 * side - arrow - 5 * g) / 2;
    const char* names[] = {"red", "green", "blue"};
    for (int c = 0; c < 3; ++c, x += side + g) {
        SheetTile& t = b.picture(base, {x, y, side, side}, names[c]);
        t.network = only_output(net, c);
    }
    b.plot(TileContent::arrow, net, {x + g, y, arrow, side}, "");
    b.picture(base, {x + arrow + 3 * g, y, side, side}, "red, green, blue");
}

}  // namespace primordial::core
