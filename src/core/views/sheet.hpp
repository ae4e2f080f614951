// core/views: views made of several pictures (a sweep grid, the layer progression, a neuron grid,
// the article's plots). A ViewSpec says what to show; build_sheet lays it out as tiles, each with
// the network it draws and the parameters it stands for, by the kind's row in kViewKindTable
// (view_table.hpp). Front ends only draw tiles: the explorer on the GPU or its CPU engine,
// progressively; `primordial figure` into a PNG.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/network.hpp"
#include "core/net/sweep.hpp"
#include "core/theory/detail.hpp"
#include "core/views/view_table.hpp"

namespace primordial::core {

// The paper sheets are drawn on, between their tiles: the article's white.
inline constexpr std::uint8_t kPaper[3] = {255, 255, 255};

struct Camera {
    double yaw = -35;   // degrees about the vertical axis
    double pitch = 35;  // degrees above the plane
    bool operator==(const Camera&) const = default;
};

// The breed view: the parent amid its children, each a mutation at `strength` (with a shape
// change when `structural`); `roll` draws the children's keys (Space rolls again); `size` 3 or 4
// tiles a side. Below them, the lineage strip: the ancestors, nearest first.
struct Breeding {
    double strength = 0.15;
    bool structural = false;
    std::uint64_t roll = 1;
    int size = 3;
    bool operator==(const Breeding&) const = default;
};
inline constexpr int kLineageStrip = 8;  // ancestors shown at most

struct ViewSpec {
    ViewKind kind = ViewKind::picture;
    Sweep columns{SweepParam::depth, {1, 2, 4, 8, 16, 27}, {}};  // grid: varies along a row
    std::optional<Sweep> rows;  // grid: varies down the rows; without it `columns` wraps
    int wrap = 0;               // tiles per row when wrapping; 0: a near-square grid
    int layer = 1;              // neurons: 1 = first layer ... depth = output layer
    int frames = 8;             // progression: depths 1 ... frames
    Camera camera;              // heightmap, surfaces
    bool curve = false;         // heightmap: the output activation's curve beside it (figure 3)
    // heightmap: half the span of the surface's square; unset: the picture's extent.
    // Figure 3 shows its sigmoid surface over a wider square than its picture, so it turns.
    std::optional<double> surface_extent;
    // activation: the function plotted; unset: the network's output activation.
    std::optional<Activation> function;
    Breeding breed;  // breed
    bool operator==(const ViewSpec&) const = default;
};

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;  // pixels, y down
    bool contains(double px, double py) const {
        return px >= x && py >= y && px < x + w && py < y + h;
    }
};

enum class TileContent {
    picture,
    hidden_curves,
    sum_curve,
    output_curve,
    surface,
    function_curve,  // an activation function alone, over the tile's view (figures 3 and 13)
    arrow,           // a right-pointing arrow between tiles (figure 6)
    regions,         // each pixel coloured by its relu activation pattern, boundaries dark
    detail           // the detail by radius and depth: theory and measurement (core/theory/detail)
};

struct SheetTile {
    Rect rect;
    std::string label;
    TileContent content = TileContent::picture;
    Params params;    // what the tile stands for; clicking a tile makes these current
    Network network;  // what a picture tile draws: params' network, or a probe of one unit
    ColorMap colormap = ColorMap::grey;
    bool main = false;      // the progression's large picture; the breed view's parent
    bool ancestor = false;  // the breed view's lineage strip
    Camera camera;          // a surface tile's view
    // A surface drawn in one colour, shaded; otherwise coloured by height through `colormap`.
    std::optional<std::array<float, 3>> tint;
    Activation function = Activation::identity;  // a function_curve tile's
    // A detail tile's theory, worked out with the layout (its plot adds the measurement).
    std::shared_ptr<const DetailCurves> detail;
};

// Lines and a marker drawn over a whole sheet, in its pixels: the phase diagram's edge of chaos
// and the current network's place on it.
struct Overlay {
    std::vector<std::vector<std::array<double, 2>>> lines;
    std::optional<std::array<double, 2>> marker;
    bool empty() const { return lines.empty() && !marker; }
};

struct Sheet {
    int width = 0, height = 0;
    std::vector<SheetTile> tiles;
    Overlay overlay;
    // The tile under pixel (px, py), or -1.
    int tile_at(double px, double py) const;
};

inline constexpr int kMaxSheetTiles = 64;
inline constexpr int kMaxProgressionFrames = 40;

// Why a view of this kind cannot show `p` (e.g. channels of a grey network), or "".
std::string view_unavailable(const Params& p, ViewKind kind);
// The view after `kind` in kViewKinds that can show `p` (cycling; the picture always can).
ViewKind next_view(const Params& p, ViewKind kind);

// The phase diagram's sweeps for `p`: weight scales from half to three times the critical
// scale (or round the current one), bias scales from twice the current one down to 0.
ViewSpec phase_view(const Params& p);

// The activation view's caption: which layers use `f` ("tanh: the hidden layers' activation").
std::string activation_role(const NetworkParams& n, Activation f);

// Lays out `spec` for `base` on a width x height canvas. Throws InputError when the spec cannot
// apply (a layer the network lacks, a swept value out of range, too many tiles).
Sheet build_sheet(const Params& base, const ViewSpec& spec, int width, int height);

// Square tiles of a cols x rows grid, centred on the canvas with `gap` pixels between them.
std::vector<Rect> grid_rects(int count, int cols, int rows, int width, int height, int gap);

}  // namespace primordial::core
