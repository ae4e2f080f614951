// A whole sheet (every tile of a view) as one RGB picture: what `primordial figure` writes.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/eval/row_renderer.hpp"
#include "core/views/sheet.hpp"

namespace primordial::plot {

// The picture of a plot tile (curves or surface), rect.w x rect.h RGB.
std::vector<std::uint8_t> plot_tile(const core::SheetTile& t);

// Renders a picture tile's network at the tile's size; nullptr means the CPU evaluator.
using PictureRenderer = std::function<std::unique_ptr<core::RowRenderer>(const core::SheetTile& t)>;

// The sheet as width x height RGB. `progress` gets the fraction of tile pixels done and may
// cancel (then the result is empty).
std::vector<std::uint8_t> render_sheet(const core::Sheet& s, const PictureRenderer& pictures = {},
                                       const core::Progress& progress = {}, int threads = 0);

}  // namespace primordial::plot
