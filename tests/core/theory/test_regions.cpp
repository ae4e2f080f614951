#include <doctest/doctest.h>

#include "core/theory/regions.hpp"
#include "core/theory/stats.hpp"

using namespace primordial::core;

TEST_CASE("the region map of three lines: seven regions, boundaries where the lines are") {
    Params p;
    p.network.depth = 2;
    p.network.widths = {3};
    p.network.activations = {Activation::relu};
    p.network.outputs = 1;
    p.network.set_weights = {{{1, 0, 0, 1, 1, 1}, {0, 0, -0.5f}}, {{1, 1, 1}, {0}}};
    p.view.center_x = 0;  // centred on the origin, where the lines cross
    const RegionMap m = region_map(build_network(p.network), p.view, 64, 64);
    CHECK(m.regions == 7);
    CHECK(m.regions ==
          *network_stats(p, {64, 64, 100, 1}).regions);  // the same points, counted alike
    // The pixel just right of x = 0 on a row away from the other lines is a boundary (dark);
    // the middle of a quadrant is not.
    const auto at = [&](int i, int j) { return m.rgb[(static_cast<std::size_t>(j) * 64 + i) * 3]; };
    CHECK(at(31, 10) == 40);
    CHECK(at(10, 10) > 100);
    CHECK(at(50, 50) != at(10, 10));  // different regions, different colours (almost surely)
}
