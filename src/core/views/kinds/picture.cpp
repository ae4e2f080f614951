// The picture alone, filling the canvas.
#include "core/views/sheet_builder.hpp"

namespace primordial::core {

void layout_picture(SheetBuilder& b, const ViewSpec&) {
    b.picture(b.base(), {0, 0, b.width(), b.height()}, "picture");
}

}  // namespace primordial::core
