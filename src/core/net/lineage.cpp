#include "core/net/lineage.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "core/net/limits.hpp"
#include "core/net/rng.hpp"

namespace primordial::core {
namespace {

// Keys of breeding's own hashes, apart from every weight's (seed, layer, row, column).
constexpr std::uint32_t kBreedKey = 0xB5EED000u;

// Per-layer lists, so one hidden layer can change alone.
template <class T>
void expand(std::vector<T>& v, int hidden) {
    if (v.size() == 1 && hidden > 1) v.assign(static_cast<std::size_t>(hidden), v[0]);
}

// Applies the shape change picked by `key` (from those that fit) to `n`; none when none fits.
ShapeChange change_shape(NetworkParams& n, std::uint64_t key) {
    const int hidden = n.depth - 1;
    std::vector<ShapeChange> options;
    if (n.depth < Limits::max_depth) options.push_back(ShapeChange::deeper);
    if (n.depth > 2) options.push_back(ShapeChange::shallower);
    if (hidden >= 1) options.push_back(ShapeChange::wider);
    if (hidden >= 1) options.push_back(ShapeChange::activation);
    if (options.empty()) return ShapeChange::none;
    const std::uint64_t h = rng::hash(key, kBreedKey, 0, 0);
    const ShapeChange c = options[h % options.size()];
    const auto layer = static_cast<std::size_t>(hidden > 0 ? (h >> 16) % hidden : 0);
    switch (c) {
        case ShapeChange::deeper:
            // The new last hidden layer is like the one before it; its weights are new keys.
            if (n.widths.size() > 1 && hidden >= 1) n.widths.push_back(n.widths.back());
            if (n.activations.size() > 1 && hidden >= 1)
                n.activations.push_back(n.activations.back());
            ++n.depth;
            break;
        case ShapeChange::shallower:
            if (n.widths.size() > 1) n.widths.pop_back();
            if (n.activations.size() > 1) n.activations.pop_back();
            --n.depth;
            break;
        case ShapeChange::wider: {
            expand(n.widths, hidden);
            int& w = n.widths[std::min(layer, n.widths.size() - 1)];
            w = std::min(Limits::max_width, w + 1);
            break;
        }
        case ShapeChange::activation: {
            static constexpr Activation kChoices[] = {
                Activation::tanh,     Activation::sin, Activation::relu,   Activation::gaussian,
                Activation::softplus, Activation::elu, Activation::sigmoid};
            expand(n.activations, hidden);
            Activation& a = n.activations[std::min(layer, n.activations.size() - 1)];
            const std::size_t pick = (h >> 32) % (std::size(kChoices) - 1);
            // One of the others: skip the current one.
            std::size_t k = 0;
            for (Activation choice : kChoices)
                if (choice != a && k++ == pick) {
                    a = choice;
                    break;
                }
            break;
        }
        case ShapeChange::none:
            break;
    }
    return c;
}

// w' = cos(a) w + sin(a) f: a rotation towards an independent draw of the same spread.
void rotate_layer(Layer& a, const Layer& f, double strength) {
    const double angle = strength * std::numbers::pi / 2;
    const double c = std::cos(angle), s = std::sin(angle);
    const auto mix = [&](std::vector<float>& x, const std::vector<float>& y) {
        for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(c * x[i] + s * y[i]);
    };
    mix(a.weights, f.weights);
    mix(a.biases, f.biases);
}

}  // namespace

Shape shape_of(const NetworkParams& n) {
    return {n.depth, n.widths, n.activations};
}

double kinship_correlation(double strength) {
    return std::cos(std::clamp(strength, 0.0, 1.0) * std::numbers::pi / 2);
}

std::string_view kinship(double strength) {
    const double c = kinship_correlation(strength);
    return c >= 0.97   ? "near twin"
           : c >= 0.85 ? "sibling"
           : c >= 0.55 ? "cousin"
           : c >= 0.15 ? "distant relative"
                       : "stranger";
}

NetworkParams mutate(const NetworkParams& parent, std::uint64_t key, double strength,
                     bool structural) {
    NetworkParams child = parent;
    Mutation m;
    m.key = key;
    m.strength = strength;
    if (structural) {
        m.change = change_shape(child, key);
        if (m.change != ShapeChange::none) m.before = shape_of(parent);
    }
    child.lineage.push_back(std::move(m));
    return child;
}

NetworkParams cross(const NetworkParams& a, const NetworkParams& b, double t) {
    NetworkParams child = a;
    Mutation m;
    m.key = b.seed;
    m.strength = t;
    m.cross = true;
    m.mate_steps = static_cast<std::uint32_t>(b.lineage.size());
    child.lineage.push_back(std::move(m));
    child.lineage.insert(child.lineage.end(), b.lineage.begin(), b.lineage.end());
    return child;
}

std::size_t last_step(const std::vector<Mutation>& lineage) {
    std::size_t last = 0;
    for (std::size_t i = 0; i < lineage.size(); i += 1 + lineage[i].mate_steps) last = i;
    return last;
}

int generation(const NetworkParams& n) {
    int g = 0;
    for (std::size_t i = 0; i < n.lineage.size(); i += 1 + n.lineage[i].mate_steps) ++g;
    return g;
}

std::optional<NetworkParams> parent_of(const NetworkParams& n) {
    if (n.lineage.empty()) return std::nullopt;
    NetworkParams p = n;
    const auto at = static_cast<std::ptrdiff_t>(last_step(n.lineage));
    const Mutation last = p.lineage[static_cast<std::size_t>(at)];
    p.lineage.erase(p.lineage.begin() + at, p.lineage.end());
    if (last.before) {
        p.depth = last.before->depth;
        p.widths = last.before->widths;
        p.activations = last.before->activations;
    }
    return p;
}

std::vector<NetworkParams> ancestors(const NetworkParams& n, int most) {
    std::vector<NetworkParams> out;
    std::optional<NetworkParams> p = parent_of(n);
    while (p && static_cast<int>(out.size()) < most) {
        out.push_back(*p);
        p = parent_of(*p);
    }
    return out;
}

void apply_lineage(Network& net, const NetworkParams& n) {
    NetworkParams draw = n;  // the same shape and spread, another key
    draw.lineage.clear();
    draw.morph.reset();
    // One frame per lineage being applied: the network's own, and the mate of each cross met on
    // the way, whose own steps follow it. A mate's network, once its steps are applied, is
    // crossed into the frame below it.
    struct Frame {
        Network net;
        std::size_t end;      // its steps end here
        double strength = 0;  // a mate's: the cross's
    };
    std::vector<Frame> frames;
    frames.push_back({std::move(net), n.lineage.size()});
    for (std::size_t i = 0; i <= n.lineage.size(); ++i) {
        while (frames.size() > 1 && frames.back().end == i) {
            Frame mate = std::move(frames.back());
            frames.pop_back();
            for (std::size_t l = 0; l < mate.net.layers.size(); ++l)
                slerp_layer(frames.back().net.layers[l], mate.net.layers[l], mate.strength);
        }
        if (i == n.lineage.size()) break;
        const Mutation& m = n.lineage[i];
        draw.seed = m.key;
        Network f = seeded_network(draw);
        if (m.cross) {
            frames.push_back({std::move(f), i + 1 + m.mate_steps, m.strength});
            continue;
        }
        for (std::size_t l = 0; l < f.layers.size(); ++l)
            rotate_layer(frames.back().net.layers[l], f.layers[l], m.strength);
    }
    net = std::move(frames.front().net);
}

std::uint64_t child_key(std::uint64_t roll, int index) {
    // Short enough to read; never 0.
    return 1 + rng::hash(roll, kBreedKey + 1, static_cast<std::uint32_t>(index), 0) % 999999999;
}

}  // namespace primordial::core
