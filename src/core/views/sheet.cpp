#include "core/views/sheet.hpp"

#include <algorithm>

#include "core/views/sheet_builder.hpp"

namespace primordial::core {

const ViewKindInfo& view_kind_info(ViewKind k) {
    for (const ViewKindInfo& info : kViewKindTable)
        if (info.first == k) return info;
    throw std::logic_error("a view kind without a row in kViewKindTable");
}

std::string_view to_string(ViewKind k) {
    return name_of(kViewKindTable, k);
}

std::string view_unavailable(const Params& p, ViewKind kind) {
    const ViewUnavailable why = view_kind_info(kind).unavailable;
    return why ? why(p) : "";
}

ViewKind next_view(const Params& p, ViewKind kind) {
    const auto n = std::size(kViewKinds);
    std::size_t i = 0;
    while (i < n && kViewKinds[i] != kind) ++i;
    for (std::size_t k = 1; k <= n; ++k) {
        const ViewKind next = kViewKinds[(i + k) % n];
        if (view_unavailable(p, next).empty()) return next;
    }
    return ViewKind::picture;
}

int Sheet::tile_at(double px, double py) const {
    for (std::size_t i = 0; i < tiles.size(); ++i)
        if (tiles[i].rect.contains(px, py)) return static_cast<int>(i);
    return -1;
}

std::vector<Rect> grid_rects(int count, int cols, int rows, int width, int height, int gap) {
    const int side = std::max(
        1, std::min((width - gap * (cols + 1)) / cols, (height - gap * (rows + 1)) / rows));
    const int x0 = (width - cols * side - (cols - 1) * gap) / 2;
    const int y0 = (height - rows * side - (rows - 1) * gap) / 2;
    std::vector<Rect> out;
    for (int i = 0; i < count; ++i)
        out.push_back({x0 + (i % cols) * (side + gap), y0 + (i / cols) * (side + gap), side, side});
    return out;
}

Sheet build_sheet(const Params& base, const ViewSpec& spec, int width, int height) {
    validate(base);
    if (width < 1 || height < 1) view_error("the canvas is empty");
    if (const std::string why = view_unavailable(base, spec.kind); !why.empty()) view_error(why);
    SheetBuilder b(base, width, height);
    view_kind_info(spec.kind).layout(b, spec);
    return b.take();
}

}  // namespace primordial::core
