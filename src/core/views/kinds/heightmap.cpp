// A one-output network as a surface beside its picture (figure 3), optionally with the output
// activation's curve.
#include <algorithm>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {

void layout_heightmap(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    // [the activation's curve,] the surface, the picture: side by side.
    const int panels = spec.curve ? 3 : 2;
    const int g = b.gap() * 4;
    const int side = std::min((b.width() - (panels + 1) * g) / panels, b.height() - 2 * g);
    if (side < 8) view_error("the canvas is too small for the height map");
    const int y = (b.height() - side) / 2;
    int x = (b.width() - panels * side - (panels - 1) * g) / 2;
    const Network net = build_network(base.network);
    if (spec.curve) {
        SheetTile& c = b.plot(TileContent::function_curve, net, {x, y, side, side},
                              std::string(to_string(base.network.output_activation)));
        c.function = base.network.output_activation;
        c.params.view = ViewParams{};
        c.params.view.extent = 6;  // where a sigmoid or tanh turns
        x += side + g;
    }
    SheetTile& surface = b.plot(TileContent::surface, net, {x, y, side, side}, "height map");
    surface.camera = spec.camera;
    if (spec.surface_extent) surface.params.view.extent = *spec.surface_extent;
    b.picture(base, {x + side + g, y, side, side}, "pixel intensity");
}

}  // namespace primordial::core
