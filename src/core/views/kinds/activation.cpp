// An activation function alone, over the view (figure 13), captioned with its role.
#include <algorithm>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {

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

void layout_activation(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    const Activation f = spec.function.value_or(base.network.output_activation);
    SheetTile& t = b.plot(TileContent::function_curve, build_network(base.network),
                          {0, 0, b.width(), b.height()}, activation_role(base.network, f));
    t.function = f;
}

}  // namespace primordial::core
