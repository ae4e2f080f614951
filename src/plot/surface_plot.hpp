// A one-output network as a shaded 3-D surface seen from a camera that orbits it (the article's
// figure 3). Drawn back to front with cairo, so it needs no GL and renders the same headless.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "core/eval/probe.hpp"
#include "core/net/colormap.hpp"
#include "core/views/curves.hpp"
#include "core/views/sheet.hpp"

namespace primordial::plot {

// How a surface is coloured: one colour shaded by the light (the article's units in figure 5),
// or its height through a colour map (grey, as in figure 3, or any other).
struct SurfaceColour {
    core::ColorMap map = core::ColorMap::grey;
    std::optional<std::array<float, 3>> tint;
};

// `range`: the heights drawn as the box's floor and ceiling; unset, the data's own.
std::vector<std::uint8_t> draw_surface(const core::HeightField& f,
                                       std::optional<core::ValueRange> range,
                                       const core::Camera& cam, const SurfaceColour& colour,
                                       int width, int height);

}  // namespace primordial::plot
