// A sweep grid: one setting varied along the rows (wrapping), or two, one across and one down.
#include "core/views/sheet_builder.hpp"

namespace primordial::core {

void layout_grid(SheetBuilder& b, const ViewSpec& spec) {
    const Params& base = b.base();
    const Sweep& cs = spec.columns;
    const int cols = static_cast<int>(cs.values.size());
    if (!spec.rows) {
        check_tile_count(cols);
        const auto rects = b.auto_grid(cols, spec.wrap);
        for (int c = 0; c < cols; ++c) {
            const auto ci = static_cast<std::size_t>(c);
            const std::string label = sweep_label(cs, ci);
            b.picture(checked_tile(sweep_point(base, cs, ci), label), rects[ci], label);
        }
        return;
    }
    const Sweep& rs = *spec.rows;
    const int rows = static_cast<int>(rs.values.size());
    check_tile_count(cols * rows);
    const auto rects = grid_rects(cols * rows, cols, rows, b.width(), b.height(), b.gap());
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            const auto ri = static_cast<std::size_t>(r), ci = static_cast<std::size_t>(c);
            const std::string label = sweep_label(rs, ri) + ", " + sweep_label(cs, ci);
            const Params p = sweep_point(sweep_point(base, rs, ri), cs, ci);
            b.picture(checked_tile(p, label), rects[ri * cols + ci], label);
        }
}

}  // namespace primordial::core
