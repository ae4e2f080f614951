// Views made of several pictures: a sweep grid, the layer progression, a neuron grid, the
// article's plots. A ViewSpec says what to show; build_sheet lays it out as tiles, each with the
// network it draws and the parameters it stands for. Front ends only draw tiles: the explorer on
// the GPU, progressively; `primordial figure` into a PNG.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/network.hpp"
#include "core/sweep.hpp"

namespace primordial::core {

enum class ViewKind { picture, progression, grid, neurons, curves, decomposition, heightmap };

std::string_view to_string(ViewKind k);
std::optional<ViewKind> parse_view_kind(std::string_view s);
inline constexpr std::string_view kViewKindNames =
    "picture, progression, grid, neurons, curves, decomposition, heightmap";

struct Camera {
    double yaw = -35;   // degrees about the vertical axis
    double pitch = 35;  // degrees above the plane
    bool operator==(const Camera&) const = default;
};

struct ViewSpec {
    ViewKind kind = ViewKind::picture;
    Sweep columns{SweepParam::depth, {1, 2, 4, 8, 16, 27}};  // grid: varies along a row
    std::optional<Sweep> rows;  // grid: varies down the rows; without it `columns` wraps
    int wrap = 0;               // tiles per row when wrapping; 0: a near-square grid
    int layer = 1;              // neurons: 1 = first layer ... depth = output layer
    int frames = 8;             // progression: depths 1 ... frames
    Camera camera;              // heightmap
    bool operator==(const ViewSpec&) const = default;
};

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;  // pixels, y down
    bool contains(double px, double py) const {
        return px >= x && py >= y && px < x + w && py < y + h;
    }
};

enum class TileContent { picture, hidden_curves, sum_curve, output_curve, surface };

struct SheetTile {
    Rect rect;
    std::string label;
    TileContent content = TileContent::picture;
    Params params;    // what the tile stands for; clicking a tile makes these current
    Network network;  // what a picture tile draws: params' network, or a probe of one unit
    ColorMap colormap = ColorMap::grey;
    bool main = false;  // the progression's large picture
    Camera camera;      // a surface tile's view
};

struct Sheet {
    int width = 0, height = 0;
    std::vector<SheetTile> tiles;
    // The tile under pixel (px, py), or -1.
    int tile_at(double px, double py) const;
};

inline constexpr int kMaxSheetTiles = 64;
inline constexpr int kMaxProgressionFrames = 40;

// Lays out `spec` for `base` on a width x height canvas. Throws InputError when the spec cannot
// apply (a layer the network lacks, a swept value out of range, too many tiles).
Sheet build_sheet(const Params& base, const ViewSpec& spec, int width, int height);

// Square tiles of a cols x rows grid, centred on the canvas with `gap` pixels between them.
std::vector<Rect> grid_rects(int count, int cols, int rows, int width, int height, int gap);

}  // namespace primordial::core
