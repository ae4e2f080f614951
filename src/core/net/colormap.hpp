// Colour maps for one-output (grey) networks: the output's byte indexes a 256-entry table, so the
// CPU evaluator and the shader map colours identically.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/net/name_table.hpp"

namespace primordial::core {

enum class ColorMap { grey, viridis, magma, ocean };

using ColorLut = std::array<std::array<std::uint8_t, 3>, 256>;

inline constexpr NameEntry<ColorMap> kColorMapTable[] = {{ColorMap::grey, "grey"},
                                                         {ColorMap::viridis, "viridis"},
                                                         {ColorMap::magma, "magma"},
                                                         {ColorMap::ocean, "ocean"}};
inline constexpr std::string_view kColorMapNames = names_of<kColorMapTable>;

const ColorLut& colormap_lut(ColorMap m);
std::string_view to_string(ColorMap m);
std::optional<ColorMap> parse_colormap(std::string_view s);

}  // namespace primordial::core
