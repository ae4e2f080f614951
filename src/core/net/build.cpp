#include "core/net/lineage.hpp"
#include "core/net/network.hpp"

namespace primordial::core {

Network build_network(const NetworkParams& p) {
    if (!p.set_weights.empty()) {  // hand-set: validate() checked the shapes
        Network net;
        net.inputs = p.inputs;
        for (int l = 0; l < p.depth; ++l) {
            const auto [in, out] = layer_shape(p, l);
            const LayerValues& v = p.set_weights[static_cast<std::size_t>(l)];
            net.layers.push_back({in, out, v.weights, v.biases, p.activation_of(l)});
        }
        return net;
    }
    Network net = seeded_network(p);
    if (p.morph && p.morph->t != 0) {  // at t = 0 exactly the first seed's network
        NetworkParams to = p;
        to.seed = p.morph->to_seed;
        const Network b = seeded_network(to);
        for (std::size_t l = 0; l < net.layers.size(); ++l)
            slerp_layer(net.layers[l], b.layers[l], p.morph->t);
    }
    apply_lineage(net, p);  // each breeding step, oldest first
    return net;
}

}  // namespace primordial::core
