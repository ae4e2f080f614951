#include "core/net/colormap.hpp"

#include <cmath>

namespace primordial::core {
namespace {

struct Stop {
    double t;
    int r, g, b;
};

// Piecewise-linear through a few stops of the well-known maps (matplotlib's viridis and magma).
template <std::size_t N>
ColorLut make_lut(const Stop (&stops)[N]) {
    ColorLut lut{};
    for (int i = 0; i < 256; ++i) {
        const double t = i / 255.0;
        std::size_t k = 0;
        while (k + 2 < N && t > stops[k + 1].t) ++k;
        const Stop &a = stops[k], &b = stops[k + 1];
        const double f = (t - a.t) / (b.t - a.t);
        auto mix = [&](int x, int y) {
            return static_cast<std::uint8_t>(std::lround(x + (y - x) * f));
        };
        lut[i] = {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b)};
    }
    return lut;
}

constexpr Stop kGrey[] = {{0, 0, 0, 0}, {1, 255, 255, 255}};
constexpr Stop kViridis[] = {{0.00, 68, 1, 84},
                             {0.25, 59, 82, 139},
                             {0.50, 33, 145, 140},
                             {0.75, 94, 201, 98},
                             {1.00, 253, 231, 37}};
constexpr Stop kMagma[] = {{0.00, 0, 0, 4},
                           {0.25, 81, 18, 124},
                           {0.50, 183, 55, 121},
                           {0.75, 252, 137, 97},
                           {1.00, 252, 253, 191}};
constexpr Stop kOcean[] = {{0.00, 3, 5, 20},
                           {0.30, 8, 48, 107},
                           {0.60, 33, 113, 181},
                           {0.85, 107, 174, 214},
                           {1.00, 247, 251, 255}};

}  // namespace

const ColorLut& colormap_lut(ColorMap m) {
    static const ColorLut grey = make_lut(kGrey), viridis = make_lut(kViridis),
                          magma = make_lut(kMagma), ocean = make_lut(kOcean);
    switch (m) {
        case ColorMap::grey:
            return grey;
        case ColorMap::viridis:
            return viridis;
        case ColorMap::magma:
            return magma;
        case ColorMap::ocean:
            return ocean;
    }
    return grey;
}

std::string_view to_string(ColorMap m) {
    return name_of(kColorMapTable, m);
}

std::optional<ColorMap> parse_colormap(std::string_view s) {
    return value_of(kColorMapTable, s);
}

}  // namespace primordial::core
