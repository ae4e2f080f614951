// A one-output network as a shaded 3-D surface seen from a camera that orbits it (the article's
// figure 3). Drawn back to front with cairo, so it needs no GL and renders the same headless.
#pragma once

#include <cstdint>
#include <vector>

#include "core/curves.hpp"
#include "core/sheet.hpp"

namespace primordial::plot {

std::vector<std::uint8_t> draw_surface(const core::HeightField& f, core::Activation output,
                                       const core::Camera& cam, int width, int height);

}  // namespace primordial::plot
