// The breed view: the parent amid its children, each a mutation of it, and the lineage strip of
// its ancestors below.
#include <algorithm>

#include "core/net/lineage.hpp"
#include "core/views/sheet_builder.hpp"

namespace primordial::core {
namespace {

// The ancestors along the bottom, nearest first, `strip` pixels high.
void lineage_strip(SheetBuilder& b, const std::vector<NetworkParams>& line, int strip) {
    const int side = strip - b.gap();
    for (std::size_t k = 0; k < line.size() && side > 0; ++k) {
        Params p = b.base();
        p.network = line[k];
        const Rect r{b.gap() + static_cast<int>(k) * (side + b.gap()), b.height() - strip, side,
                     side};
        if (r.x + r.w > b.width()) break;
        b.picture(p, r, "generation " + std::to_string(generation(line[k]))).ancestor = true;
    }
}

}  // namespace

std::string breed_unavailable(const Params& p) {
    return p.network.set_weights.empty() ? "" : "breeding needs seeded weights, not hand-set ones";
}

void layout_breed(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    const Breeding& br = spec.breed;
    const int n = std::clamp(br.size, 3, 4);
    const auto line = ancestors(base.network, kLineageStrip);
    const int strip = line.empty() ? 0 : std::max(24, b.height() / 7);
    const auto rects = grid_rects(n * n, n, n, b.width(), b.height() - strip, b.gap());
    const int centre = n == 3 ? 4 : 5;
    const int generations = generation(base.network);
    for (int i = 0, child = 0; i < n * n; ++i) {
        const auto at = static_cast<std::size_t>(i);
        if (i == centre) {
            b.picture(base, rects[at], "parent, generation " + std::to_string(generations)).main =
                true;
            continue;
        }
        Params p = base;
        p.network = mutate(base.network, child_key(br.roll, child), br.strength, br.structural);
        std::string label = "child " + std::to_string(child + 1);
        if (const ShapeChange c = p.network.lineage.back().change; c != ShapeChange::none)
            label += ": " + std::string(to_string(c));
        b.picture(checked_tile(p, label), rects[at], label);
        ++child;
    }
    lineage_strip(b, line, strip);
}

}  // namespace primordial::core
