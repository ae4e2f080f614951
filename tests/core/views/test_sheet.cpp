#include <doctest/doctest.h>

#include <cmath>

#include "core/eval/evaluate.hpp"
#include "core/eval/probe.hpp"
#include "core/theory/mean_field.hpp"
#include "core/views/sheet.hpp"

using namespace primordial::core;

namespace {

std::vector<std::uint8_t> render(const Network& net, const ViewParams& v, int w, int h,
                                 ColorMap map = ColorMap::grey) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
    Evaluator(net, v).render_rows(w, h, 0, h, rgb.data(), {1, map});
    return rgb;
}

Params small_base() {
    Params p;
    p.network.depth = 6;
    p.network.widths = {12};
    p.network.seed = 77;
    return p;
}

}  // namespace

TEST_CASE("grid tiles are plain renders of their own parameters") {
    ViewSpec spec;
    spec.kind = ViewKind::grid;
    spec.columns = make_sweep(SweepParam::depth, 1, 6, 6, false);
    const Sheet s = build_sheet(small_base(), spec, 400, 300);
    REQUIRE(s.tiles.size() == 6);
    for (int k = 1; k <= 6; ++k) {
        const SheetTile& t = s.tiles[static_cast<std::size_t>(k - 1)];
        CHECK(t.label == "depth " + std::to_string(k));
        // Frame k is exactly the network of depth k, set by hand.
        Params p = small_base();
        p.network.depth = k;
        CHECK(t.params.network == p.network);
        CHECK(render(t.network, t.params.view, 24, 24) ==
              render(build_network(p.network), p.view, 24, 24));
        CHECK(t.rect.w == t.rect.h);
        CHECK(t.rect.x >= 0);
        CHECK(t.rect.x + t.rect.w <= 400);
    }
    // Tiles do not overlap and are found by position.
    for (std::size_t i = 0; i < s.tiles.size(); ++i) {
        const Rect& r = s.tiles[i].rect;
        CHECK(s.tile_at(r.x + r.w / 2.0, r.y + r.h / 2.0) == static_cast<int>(i));
    }
    CHECK(s.tile_at(0, 0) == -1);
}

TEST_CASE("a grid with rows varies both settings, rows first") {
    ViewSpec spec;
    spec.kind = ViewKind::grid;
    spec.rows = Sweep{SweepParam::activation,
                      {activation_value(Activation::tanh), activation_value(Activation::relu)},
                      {}};
    spec.columns = Sweep{SweepParam::extent, {4, 2, 1}, {}};
    const Sheet s = build_sheet(small_base(), spec, 600, 400);
    REQUIRE(s.tiles.size() == 6);
    CHECK(s.tiles[4].label == "relu, extent 2");
    CHECK(s.tiles[4].params.network.activations == std::vector<Activation>{Activation::relu});
    CHECK(s.tiles[4].params.view.extent == 2);
    CHECK(s.tiles[0].rect.y == s.tiles[2].rect.y);
    CHECK(s.tiles[3].rect.y > s.tiles[0].rect.y);
}

TEST_CASE("sweeps: geometric spacing, whole numbers, and bad values named") {
    const Sweep z = make_sweep(SweepParam::extent, 40, 40.0 / 256, 9, true);
    CHECK(z.values[1] == doctest::Approx(20));
    CHECK(z.values[8] == doctest::Approx(0.15625));
    const Sweep w = make_sweep(SweepParam::width, 10, 400, 4, true);
    for (double v : w.values) CHECK(v == std::round(v));
    CHECK(w.values.back() == 400);
    ViewSpec spec;
    spec.kind = ViewKind::grid;
    spec.columns = Sweep{SweepParam::depth, {2, 300}, {}};
    CHECK_THROWS_WITH_AS(build_sheet(small_base(), spec, 100, 100),
                         "view: depth 300: depth: must be between 1 and 256 (got 300)", InputError);
    spec.columns = make_sweep(SweepParam::seed, 1, 100, 100, false);
    CHECK_THROWS_AS(build_sheet(small_base(), spec, 100, 100), InputError);
}

TEST_CASE("progression: the main picture and frames 1..N, frame k is depth k") {
    ViewSpec spec;
    spec.kind = ViewKind::progression;
    spec.frames = 5;
    const Params base = small_base();
    const Sheet s = build_sheet(base, spec, 800, 500);
    REQUIRE(s.tiles.size() == 6);
    CHECK(s.tiles[0].main);
    CHECK(s.tiles[0].params.network == base.network);
    for (int k = 1; k <= 5; ++k) {
        Params p = base;
        p.network.depth = k;
        CHECK(s.tiles[static_cast<std::size_t>(k)].params.network == p.network);
        CHECK(s.tiles[static_cast<std::size_t>(k)].rect.x >= s.tiles[0].rect.w);
    }
}

TEST_CASE("neuron tiles show one unit's activation mapped to grey") {
    ViewSpec spec;
    spec.kind = ViewKind::neurons;
    spec.layer = 2;
    const Params base = small_base();
    const Sheet s = build_sheet(base, spec, 500, 400);
    REQUIRE(s.tiles.size() == 12);
    const Network full = build_network(base.network);
    const int w = 16, h = 16;
    const ViewTransform t(base.view, w, h);
    for (int u : {0, 5, 11}) {
        const auto pic = render(s.tiles[static_cast<std::size_t>(u)].network, base.view, w, h);
        // The unit's tanh value v in [-1, 1] becomes the grey (v + 1) / 2.
        std::vector<PlanePoint> pts;
        for (int j = 0; j < h; ++j)
            for (int i = 0; i < w; ++i) pts.push_back(t.to_plane(i + 0.5, j + 0.5));
        const auto acts = Evaluator(full, base.view).activations_at(pts)[1];
        int off = 0;
        for (std::size_t p = 0; p < pts.size(); ++p) {
            const float v = acts[static_cast<std::size_t>(u) * pts.size() + p];
            off += std::abs(pic[3 * p] - to_byte((v + 1) / 2)) > 1;
            CHECK(pic[3 * p] == pic[3 * p + 1]);  // grey
        }
        CHECK(off == 0);
    }
    spec.layer = 7;
    CHECK_THROWS_WITH_AS(build_sheet(base, spec, 500, 400),
                         "view: layer must be between 1 and 6 (got 7)", InputError);
}

TEST_CASE("the output layer of an RGB network shows its channels and the colour picture") {
    ViewSpec spec;
    spec.kind = ViewKind::neurons;
    spec.layer = 6;
    const Sheet s = build_sheet(small_base(), spec, 800, 300);
    REQUIRE(s.tiles.size() == 4);
    const auto colour = render(s.tiles[3].network, s.tiles[3].params.view, 8, 8);
    const auto red = render(s.tiles[0].network, s.tiles[0].params.view, 8, 8);
    for (std::size_t p = 0; p < 64; ++p) CHECK(std::abs(colour[3 * p] - red[3 * p]) <= 1);
}

TEST_CASE("decomposition: units, their weighted sum, and the output") {
    Params p;
    p.network.depth = 2;
    p.network.widths = {5};
    p.network.outputs = 1;
    p.network.output_activation = Activation::tanh;
    ViewSpec spec;
    spec.kind = ViewKind::decomposition;
    const Sheet s = build_sheet(p, spec, 700, 350);
    REQUIRE(s.tiles.size() == 7);
    CHECK(s.tiles[5].label == "weighted sum");
    CHECK(s.tiles[6].label == "tanh of the sum");
    // The sum tile spans black to white over the picture: its range was sampled there.
    const auto sum = render(s.tiles[5].network, p.view, 33, 33);
    int lo = 255, hi = 0;
    for (std::size_t i = 0; i < sum.size(); i += 3)
        lo = std::min<int>(lo, sum[i]), hi = std::max<int>(hi, sum[i]);
    CHECK(lo <= 2);
    CHECK(hi >= 253);
    p.network.depth = 1;
    CHECK_THROWS_AS(build_sheet(p, spec, 700, 350), InputError);
}

TEST_CASE(
    "the phase diagram: weight scales across, bias scales down, the edge of chaos over them") {
    Params base;
    base.network.depth = 12;
    NetworkParams at = base.network;
    at.bias_scale = 0.05;
    const double sc = *critical_scale(at);
    ViewSpec v;
    v.kind = ViewKind::phase;
    v.columns = make_sweep(SweepParam::scale, sc / 2, sc * 2, 3, true);  // sc in the middle column
    v.rows = make_sweep(SweepParam::bias_scale, 0.1, 0, 2, false);
    base.network.scale = sc * 2;
    base.network.bias_scale = 0.1;  // the top right tile
    const Sheet s = build_sheet(base, v, 600, 400);
    REQUIRE(s.tiles.size() == 6);
    CHECK(s.tiles[0].params.network.scale == doctest::Approx(sc / 2));
    CHECK(*s.tiles[0].params.network.bias_scale == doctest::Approx(0.1));
    CHECK(*s.tiles[5].params.network.bias_scale == 0);
    // Halfway between the rows (bias 0.05) the line crosses the middle column's centre.
    REQUIRE(s.overlay.lines.size() == 1);
    const auto& line = s.overlay.lines[0];
    REQUIRE(line.size() == 25);
    const Rect& mid = s.tiles[1].rect;
    const double y_mid = (s.tiles[1].rect.y + s.tiles[4].rect.y) / 2.0 + mid.h / 2.0;
    CHECK(line[12][1] == doctest::Approx(y_mid));
    CHECK(line[12][0] == doctest::Approx(mid.x + mid.w / 2.0).epsilon(1e-6));
    // Larger biases push the edge to larger weights: the line leans right going up.
    CHECK(line.front()[0] < line.back()[0]);
    // The marker sits on the current network's tile.
    REQUIRE(s.overlay.marker);
    const Rect& tr = s.tiles[2].rect;
    CHECK((*s.overlay.marker)[0] == doctest::Approx(tr.x + tr.w / 2.0));
    CHECK((*s.overlay.marker)[1] == doctest::Approx(tr.y + tr.h / 2.0));
    // Hand-set weights have no scale to sweep.
    base.network.depth = 1;
    CHECK(!view_unavailable(base, ViewKind::phase).empty());
}

TEST_CASE("the regions view is one map, for relu networks") {
    Params p;
    p.network.depth = 4;
    CHECK(view_unavailable(p, ViewKind::regions) ==
          "linear regions are counted for relu and leaky_relu hidden layers only");
    p.network.activations = {Activation::leaky_relu};
    ViewSpec regions;
    regions.kind = ViewKind::regions;
    const Sheet s = build_sheet(p, regions, 200, 100);
    REQUIRE(s.tiles.size() == 1);
    CHECK(s.tiles[0].content == TileContent::regions);
    CHECK(s.tiles[0].rect.w == 200);
}

TEST_CASE("the activation view says which layers use the function it shows") {
    NetworkParams n;  // tanh hidden layers, sigmoid output
    CHECK(activation_role(n, Activation::tanh) == "tanh: the hidden layers' activation");
    CHECK(activation_role(n, Activation::sigmoid) ==
          "sigmoid: the output layer's activation (colour = sigmoid of the sum)");
    CHECK(activation_role(n, Activation::relu) == "relu (not used by this network)");
    n.output_activation = Activation::tanh;
    CHECK(activation_role(n, Activation::tanh) ==
          "tanh: the hidden layers' and the output's activation");
    // The view's one tile carries it, for the function chosen or, by default, the output's.
    Params p;
    ViewSpec v;
    v.kind = ViewKind::activation;
    CHECK(build_sheet(p, v, 300, 200).tiles.at(0).label ==
          "sigmoid: the output layer's activation (colour = sigmoid of the sum)");
    v.function = Activation::tanh;
    CHECK(build_sheet(p, v, 300, 200).tiles.at(0).label == "tanh: the hidden layers' activation");
}

TEST_CASE("decomposition and curves of an RGB network name each channel") {
    Params p;
    p.network.depth = 3;
    p.network.widths = {8};
    ViewSpec v;
    v.kind = ViewKind::decomposition;
    const Sheet s = build_sheet(p, v, 800, 600);
    std::vector<std::string> labels;
    for (const SheetTile& t : s.tiles) labels.push_back(t.label);
    REQUIRE(labels.size() == 8 + 3 + 1);
    CHECK(labels[8] == "red: weighted sum");
    CHECK(labels[9] == "green: weighted sum");
    CHECK(labels[10] == "blue: weighted sum");
    CHECK(labels[11] == "sigmoid of the sums: red, green, blue");
    // Each probes its own channel's sum: the tiles' networks differ.
    CHECK(s.tiles[8].network.layers.back().weights != s.tiles[9].network.layers.back().weights);
    p.network.outputs = 1;  // grey: one sum, as the article's figure 5
    const Sheet grey = build_sheet(p, v, 800, 600);
    CHECK(grey.tiles.size() == 8 + 1 + 1);
    CHECK(grey.tiles[8].label == "weighted sum");
    v.kind = ViewKind::curves;
    p.network.outputs = 3;
    const Sheet curves = build_sheet(p, v, 900, 300);
    REQUIRE(curves.tiles.size() == 3);
    CHECK(curves.tiles[1].label == "weighted sums: red, green, blue");
    CHECK(curves.tiles[2].label == "outputs: red, green, blue");
}

TEST_CASE("every view kind has one row, and build_sheet follows it") {
    // Each enum value once, in the table's order, with a layout.
    for (std::size_t i = 0; i < std::size(kViewKindTable); ++i) {
        CHECK(static_cast<std::size_t>(kViewKindTable[i].first) == i);
        CHECK(static_cast<bool>(kViewKindTable[i].layout));
        CHECK(&view_kind_info(kViewKindTable[i].first) == &kViewKindTable[i]);
        CHECK(to_string(kViewKindTable[i].first) == kViewKindTable[i].second);
    }
    CHECK(kViewKindNames.substr(0, 21) == "picture, progression,");
    // Every kind lays out a small RGB network with tiles inside the canvas.
    Params p = small_base();
    p.network.activations = {Activation::relu};
    for (const ViewKind k : kViewKinds) {
        CAPTURE(to_string(k));
        ViewSpec spec;
        spec.kind = k;
        REQUIRE(view_unavailable(p, k).empty());
        const Sheet s = build_sheet(p, spec, 640, 400);
        CHECK(!s.tiles.empty());
        for (const SheetTile& t : s.tiles) {
            CHECK(t.rect.x >= 0);
            CHECK(t.rect.x + t.rect.w <= 640);
            CHECK(t.rect.y + t.rect.h <= 400);
        }
    }
    // A kind that cannot show the network says why, through build_sheet as through the V key.
    p.network.depth = 1;
    ViewSpec phase;
    phase.kind = ViewKind::phase;
    CHECK_THROWS_WITH(build_sheet(p, phase, 640, 400),
                      "view: the phase diagram needs a hidden layer (depth 2 or more)");
    CHECK(next_view(p, ViewKind::curves) == ViewKind::heightmap);
    CHECK(next_view(p, ViewKind::heightmap) == ViewKind::channels);  // surfaces needs depth 2
}
