// Breeding: a network carries its lineage, the steps from its seeded network to itself
// (params.hpp: Mutation). A step turns every layer's weights and biases towards a fresh draw of
// the same shape, w' = cos(a) w + sin(a) f with a = strength * 90 degrees, which keeps their spread
// (f is independent of w and drawn with the same spread); a cross slerps them towards a mate.
// Steps act on the network's final shape, and weights are counter-based, so a layer or unit a
// later step added simply has the same history as the rest. Reproducible from the parameters
// alone: a child re-renders exactly from its file.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/network.hpp"
#include "core/net/params.hpp"

namespace primordial::core {

// How close a child at `strength` stays to its parent, in words that match the numbers: its
// weights correlate with the parent's by cos(strength * 90°): "near twin" (0.97 and more),
// "sibling" (0.85), "cousin" (0.55), "distant relative" (0.15), "stranger".
std::string_view kinship(double strength);
// The correlation itself, cos(strength * 90°).
double kinship_correlation(double strength);

// A child of `parent`: a step with fresh draw `key` at `strength` in [0, 1]; with `structural`,
// also one change of shape chosen by the key (a hidden layer added or removed at the end, a unit
// added to a hidden layer, a hidden layer's activation changed).
NetworkParams mutate(const NetworkParams& parent, std::uint64_t key, double strength,
                     bool structural);
// `a` crossed with `b`: a's weights slerped halfway towards b's network drawn in a's shape (b's
// seed and lineage): the seed morph at t = 0.5. A network crossed with itself is itself.
NetworkParams cross(const NetworkParams& a, const NetworkParams& b, double t = 0.5);
// Generations: the steps of the network's own lineage, its mates' steps not counted.
int generation(const NetworkParams& n);
// The index of the last step of the lineage's own (0 when empty): its mates' steps come after it.
std::size_t last_step(const std::vector<Mutation>& lineage);
// The parent: the last step taken back (its shape change undone); none without a lineage.
std::optional<NetworkParams> parent_of(const NetworkParams& n);
// The ancestors, nearest first, at most `most`.
std::vector<NetworkParams> ancestors(const NetworkParams& n, int most);
Shape shape_of(const NetworkParams& n);
// The steps of `n.lineage` applied to `net`, a network of `n`'s shape built without them.
void apply_lineage(Network& net, const NetworkParams& n);
// The key of child `index` of roll `roll`: children differ from each other and from roll to roll.
std::uint64_t child_key(std::uint64_t roll, int index);

}  // namespace primordial::core
