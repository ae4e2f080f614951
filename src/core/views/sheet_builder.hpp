// What a view kind's layout works with: the sheet being laid out on its canvas, and the tiles it
// can add (a picture, one unit of a layer, a plot), sized and captioned. Inside views only.
#pragma once

#include <string>
#include <vector>

#include "core/eval/probe.hpp"
#include "core/views/sheet.hpp"

namespace primordial::core {

// Throws InputError("view: <what>").
[[noreturn]] void view_error(const std::string& what);
// `p` validated, a problem named after the tile ("depth 300: depth must be ...").
Params checked_tile(const Params& p, const std::string& label);
// Throws unless 1 <= n <= kMaxSheetTiles.
void check_tile_count(int n);
// "<what> needs a hidden layer (depth 2 or more)" for a network without one, else "".
std::string needs_hidden_layer(const Params& p, std::string_view what);

class SheetBuilder {
public:
    SheetBuilder(const Params& base, int width, int height);

    const Params& base() const { return base_; }
    int width() const { return sheet_.width; }
    int height() const { return sheet_.height; }
    int gap() const { return gap_; }  // pixels between tiles, from the canvas size

    // A tile standing for `p`, drawn at its rectangle's size: `p`'s picture.
    SheetTile& picture(const Params& p, Rect r, std::string label);
    // A grey picture of unit `u` of `net`'s last layer: over its bounds when the activation has
    // them (unless `pre_activation`), else over its range in the picture.
    void unit(const Network& net, int u, Rect r, std::string label, bool pre_activation);
    // A tile of `c` drawn from `net` (a curve, a surface, an arrow, the regions).
    SheetTile& plot(TileContent c, const Network& net, Rect r, std::string label);
    // A near-square grid of `count` tiles filling the canvas (`wrap` tiles a row when > 0).
    std::vector<Rect> auto_grid(int count, int wrap = 0) const;

    Overlay& overlay() { return sheet_.overlay; }
    Sheet take() { return std::move(sheet_); }

private:
    SheetTile tile(const Params& p, Rect r, std::string label) const;

    const Params& base_;
    Sheet sheet_;
    int gap_;
};

}  // namespace primordial::core
