// A relu network's linear regions, each pixel coloured by its activation pattern.
#include "core/theory/stats.hpp"
#include "core/views/sheet_builder.hpp"

namespace primordial::core {

std::string regions_view_unavailable(const Params& p) {
    return regions_unavailable(p.network);
}

void layout_regions(SheetBuilder& b, const ViewSpec&) {
    b.plot(TileContent::regions, build_network(b.base().network), {0, 0, b.width(), b.height()},
           "linear regions");
}

}  // namespace primordial::core
