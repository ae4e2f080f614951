#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "core/io/params_json.hpp"
#include "core/io/preset.hpp"
#include "core/views/sheet.hpp"

using namespace primordial::core;

TEST_CASE("every built-in preset loads and lays out") {
    const auto& presets = builtin_presets();
    std::set<int> figures;
    for (const Preset& p : presets) {
        CAPTURE(p.name);
        CHECK(!p.title.empty());
        if (p.figure) figures.insert(p.figure);
        // Laid out small: every tile's parameters are valid and every network builds.
        const Sheet s = build_sheet(p.params, p.view, 240, 160);
        CHECK(!s.tiles.empty());
        for (const SheetTile& t : s.tiles) {
            CHECK(t.rect.w > 0);
            CHECK(t.network.layers.size() >= 1);
        }
    }
    // Every still figure of the article from 3 to 19.
    for (int f = 3; f <= 19; ++f) CHECK(figures.count(f) == 1);
    CHECK(find_preset("19") != nullptr);
    CHECK(find_preset("fig19-weight-scale") == find_preset("19"));
    CHECK(find_preset("21") == nullptr);
    CHECK(find_preset("20")->animation.has_value());
}

namespace {

const Preset& figure(int n) {
    const Preset* p = find_preset(std::to_string(n));
    REQUIRE(p);
    return *p;
}

std::vector<double> values(const Sweep& s) {
    return s.values;
}

// The tiles of a figure laid out at its own size, and their grid: distinct columns and rows.
struct Layout {
    std::vector<SheetTile> tiles;
    int columns = 0, rows = 0;
};
Layout layout(const Preset& p) {
    Layout l;
    l.tiles = build_sheet(p.params, p.view, p.params.image_width, p.params.image_height).tiles;
    std::set<int> xs, ys;
    for (const SheetTile& t : l.tiles) xs.insert(t.rect.x), ys.insert(t.rect.y);
    l.columns = static_cast<int>(xs.size());
    l.rows = static_cast<int>(ys.size());
    return l;
}

// What reading a preset file says is wrong with it; empty when nothing is.
std::string error_of(const std::string& text) {
    try {
        preset_from_json(text, "p.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return {};
}

}  // namespace

// Each figure as the article's caption states it (../shared/seed/FIGURES.md).
TEST_CASE(
    "figure 3: the sigmoid, the height map and the grey picture of the single layer over [-1, "
    "1]^2") {
    const Preset& p = figure(3);
    CHECK(p.view.kind == ViewKind::heightmap);
    CHECK(p.view.curve);
    CHECK(p.params.view.extent == 1.0);
    CHECK(p.params.network.outputs == 1);
    REQUIRE(p.params.network.set_weights.size() == 1);
    CHECK(p.params.network.set_weights[0].weights == std::vector<float>{0.4f, 1.0f});
    CHECK(p.params.network.set_weights[0].biases == std::vector<float>{-0.3f});
    const Layout l = layout(p);
    REQUIRE(l.tiles.size() == 3);
    CHECK(l.tiles[0].content == TileContent::function_curve);
    CHECK(l.tiles[0].function == Activation::sigmoid);
    CHECK(l.tiles[1].content == TileContent::surface);
    CHECK(l.tiles[1].colormap == ColorMap::grey);
    CHECK(l.tiles[2].content == TileContent::picture);
}

TEST_CASE("figure 4: three tanh s-curves of one input, their sum, tanh of it") {
    const Preset& p = figure(4);
    CHECK(p.view.kind == ViewKind::curves);
    CHECK(p.params.network.depth == 2);
    CHECK(p.params.network.widths == std::vector<int>{3});
    CHECK(p.params.network.inputs == std::vector<Input>{Input::x});
    CHECK(p.params.network.activation_of(0) == Activation::tanh);
    CHECK(p.params.network.output_activation == Activation::tanh);
    CHECK(layout(p).tiles.size() == 3);
}

TEST_CASE(
    "figure 5: three sigmoid surfaces, their combination as a surface, then the grey picture") {
    const Preset& p = figure(5);
    CHECK(p.view.kind == ViewKind::surfaces);
    CHECK(p.params.network.widths == std::vector<int>{3});
    CHECK(p.params.network.activation_of(0) == Activation::sigmoid);
    CHECK(p.params.network.outputs == 1);
    const Layout l = layout(p);
    REQUIRE(l.tiles.size() == 5);
    for (int u = 0; u < 3; ++u) {
        CHECK(l.tiles[static_cast<std::size_t>(u)].content == TileContent::surface);
        CHECK(l.tiles[static_cast<std::size_t>(u)].tint.has_value());
    }
    CHECK(l.tiles[3].content == TileContent::surface);
    CHECK(!l.tiles[3].tint);
    CHECK(l.tiles[4].content == TileContent::picture);
}

TEST_CASE("figure 6: three sigmoid outputs, each alone in its colour, then the colour picture") {
    const Preset& p = figure(6);
    CHECK(p.view.kind == ViewKind::channels);
    CHECK(p.params.network.depth == 1);
    CHECK(p.params.network.outputs == 3);
    CHECK(p.params.network.output_activation == Activation::sigmoid);
    const Layout l = layout(p);
    REQUIRE(l.tiles.size() == 5);
    CHECK(l.tiles[3].content == TileContent::arrow);
    CHECK(l.tiles[4].content == TileContent::picture);
}

TEST_CASE("figures 7 and 8: 2 x 3 one-layer and two-layer networks, 10 hidden units") {
    for (int n : {7, 8}) {
        CAPTURE(n);
        const Preset& p = figure(n);
        CHECK(p.view.kind == ViewKind::grid);
        CHECK(p.view.columns.param == SweepParam::seed);
        const Layout l = layout(p);
        CHECK(l.tiles.size() == 6);
        CHECK(l.columns == 3);
        CHECK(l.rows == 2);
        CHECK(p.params.network.depth == n - 6);
    }
    CHECK(figure(8).params.network.widths == std::vector<int>{10});
}

TEST_CASE("figure 9: four networks down the rows, depth 1 to 10 across") {
    const Preset& p = figure(9);
    REQUIRE(p.view.rows);
    CHECK(p.view.rows->param == SweepParam::seed);
    CHECK(p.view.rows->values.size() == 4);
    CHECK(p.view.columns.param == SweepParam::depth);
    CHECK(values(p.view.columns) == std::vector<double>{1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    const Layout l = layout(p);
    CHECK(l.tiles.size() == 40);
    CHECK(l.columns == 10);
    CHECK(l.rows == 4);
}

TEST_CASE("figures 10, 11, 12, 17, 18: one network of 30-unit layers") {
    const NetworkParams& n10 = figure(10).params.network;
    for (int n : {11, 12, 17, 18}) {
        CAPTURE(n);
        const NetworkParams& other = figure(n).params.network;
        CHECK(other.seed == n10.seed);
        CHECK(other.widths == std::vector<int>{30});
        CHECK(other.scale == n10.scale);
        CHECK(other.biases == BiasRule::article);
    }
    // Figure 10: depth 1 ... 18 in 3 columns and 6 rows.
    const Preset& p10 = figure(10);
    CHECK(p10.view.columns.param == SweepParam::depth);
    std::vector<double> depths;
    for (int d = 1; d <= 18; ++d) depths.push_back(d);
    CHECK(values(p10.view.columns) == depths);
    const Layout l = layout(p10);
    CHECK(l.tiles.size() == 18);
    CHECK(l.columns == 3);
    CHECK(l.rows == 6);
    // Figures 11 and 17: 27 layers over [-2.6, 2.6]^2; figure 12: 40 layers.
    for (int n : {11, 17}) {
        CHECK(figure(n).params.network.depth == 27);
        CHECK(figure(n).params.view.extent == 2.6);
        // The article's frame: the origin 0.35 of the way in from the left, where its hub sits.
        CHECK(figure(n).params.view.center_x == doctest::Approx(0.3 * 2.6));
        CHECK(figure(n).view.kind == ViewKind::picture);
    }
    CHECK(figure(12).params.network.depth == 40);
    CHECK(figure(12).params.view.extent == 2.6);
    // Figure 18: [-40, 40]^2 halved 8 times, centred on (0, 0), 3 x 3.
    const Preset& p18 = figure(18);
    CHECK(p18.params.network.depth == 27);
    CHECK(p18.view.columns.param == SweepParam::extent);
    REQUIRE(p18.view.columns.values.size() == 9);
    for (int k = 0; k < 9; ++k)
        CHECK(p18.view.columns.values[static_cast<std::size_t>(k)] ==
              doctest::Approx(40.0 / (1 << k)));
    CHECK(p18.params.view.center_x == 0);
    CHECK(p18.params.view.center_y == 0);
    CHECK(layout(p18).columns == 3);
}

TEST_CASE("figure 13: a plot of relu(x) = max(x, 0)") {
    const Preset& p = figure(13);
    CHECK(p.view.kind == ViewKind::activation);
    CHECK(p.view.function == Activation::relu);
    const Layout l = layout(p);
    REQUIRE(l.tiles.size() == 1);
    CHECK(l.tiles[0].content == TileContent::function_curve);
    CHECK(l.tiles[0].function == Activation::relu);
}

TEST_CASE("figure 14: tanh above relu, depths 1, 6, 11, 16, sigmoid output") {
    const Preset& p = figure(14);
    REQUIRE(p.view.rows);
    CHECK(p.view.rows->param == SweepParam::activation);
    CHECK(values(*p.view.rows) == std::vector<double>{activation_value(Activation::tanh),
                                                      activation_value(Activation::relu)});
    CHECK(p.view.columns.param == SweepParam::depth);
    CHECK(values(p.view.columns) == std::vector<double>{1, 6, 11, 16});
    CHECK(p.params.network.output_activation == Activation::sigmoid);
    const Layout l = layout(p);
    CHECK(l.tiles.size() == 8);
    CHECK(l.columns == 4);
    CHECK(l.rows == 2);
}

TEST_CASE(
    "figures 15 and 16: 14 layers widening from 10 to 400 units, and the 400-unit one at 30x") {
    const Preset& p = figure(15);
    CHECK(p.params.network.depth == 14);
    CHECK(p.params.view.extent == 1.0);
    CHECK(p.view.columns.param == SweepParam::width);
    CHECK(values(p.view.columns) == std::vector<double>{10, 20, 40, 80, 120, 400});
    const Layout l = layout(p);
    CHECK(l.columns == 3);
    CHECK(l.rows == 2);
    const Preset& z = figure(16);
    CHECK(z.params.network.depth == 14);
    CHECK(z.params.network.widths == std::vector<int>{400});
    CHECK(z.params.network.seed == p.params.network.seed);
    CHECK(z.params.network.scale == p.params.network.scale);
    CHECK(z.params.view.extent == doctest::Approx(1.0 / 30));
    CHECK(static_cast<double>(z.params.image_width) / z.params.image_height ==
          doctest::Approx(3.2));
}

TEST_CASE("figure 19: 27 layers of 30 units, weight ranges from [-0.5, 0.5] to [-1, 1] in 3 x 3") {
    const Preset& p = figure(19);
    CHECK(p.params.network.depth == 27);
    CHECK(p.params.network.widths == std::vector<int>{30});
    CHECK(p.view.columns.param == SweepParam::scale);
    REQUIRE(p.view.columns.values.size() == 9);
    CHECK(p.view.columns.values.front() == doctest::Approx(0.5));
    CHECK(p.view.columns.values.back() == doctest::Approx(1.0));
    const Layout l = layout(p);
    CHECK(l.columns == 3);
    CHECK(l.rows == 3);
}

TEST_CASE("bad preset files say what is wrong") {
    const std::string params =
        R"({"format": "primordial-preset/3", "name": "n", "title": "t", "params": )";
    const std::string head = params + "{}, ";
    CHECK(error_of(R"({"format": "primordial/1"})") ==
          "p.json: format: expected \"primordial-preset/3\"");
    CHECK(
        error_of(head + R"("view": {"kind": "spiral"}})") ==
        "p.json: view.kind: unknown value 'spiral' (expected picture, progression, grid, neurons, "
        "decomposition, curves, heightmap, surfaces, channels, activation, phase, regions, "
        "detail, breed)");
    CHECK(error_of(head + R"("view": {"kind": "activation", "function": "swish"}})")
              .rfind("p.json: view.function: unknown value 'swish' (expected tanh, sigmoid,", 0) ==
          0);
    CHECK(error_of(head + R"("view": {"kind": "heightmap", "curve": 1}})") ==
          "p.json: view.curve: must be true or false");
    CHECK(error_of(head + R"("view": {"kind": "grid"}})") ==
          "p.json: view.columns: a grid needs a sweep");
    CHECK(error_of(head +
                   R"("view": {"kind": "grid", "columns": {"param": "colour", "values": [1]}}})") ==
          "p.json: view.columns.param: unknown value 'colour' (expected depth, width, extent, "
          "scale, activation, seed, seed_offset, z, t, bias_scale)");
    CHECK(
        error_of(
            head +
            R"("view": {"kind": "grid", "columns": {"param": "scale", "from": 0, "to": 1, "count": 3, "spacing": "geometric"}}})") ==
        "p.json: view.columns: geometric spacing needs positive ends");
    CHECK(
        error_of(
            head +
            R"("view": {"kind": "grid", "columns": {"param": "activation", "values": ["tanh", "swish"]}}})")
            .rfind("p.json: view.columns.values: unknown value 'swish' (expected tanh,", 0) == 0);
    CHECK(error_of(head + R"("extra": 1})") == "p.json: extra: unknown key");
    CHECK(error_of("[]") == "p.json: the file must hold a JSON object");
    CHECK(error_of(R"({"format": "primordial-preset/2", "title": "t", "params": {}})") ==
          "p.json: name: missing");
    CHECK(
        error_of(R"({"format": "primordial-preset/2", "name": "", "title": "t", "params": {}})") ==
        "p.json: name: must be a non-empty string");
    CHECK(error_of(R"({"format": "primordial-preset/2", "name": "n", "title": "t"})") ==
          "p.json: params: missing");
    // The parameters are read where they sit, by the parameter file's reader.
    CHECK(error_of(params + "[]}") == "p.json: params: must be an object");
    CHECK(error_of(params + R"({"network": {"depth": 0}}})") ==
          "p.json: params.network.depth: must be between 1 and 256 (got 0)");
    CHECK(error_of(params + R"({"network": {"scale": 0}}})") ==
          "p.json: params.network.scale: must be > 0 (got 0)");
    CHECK(error_of(params + R"({"format": "primordial/9"}})") ==
          "p.json: params.format: 'primordial/9' is not supported by this version (it reads "
          "primordial/1, /2 and /3)");
    CHECK(error_of(head + R"("size": [8, 8]})") ==
          "p.json: size: must be between 16 and 32768 (got 8)");
    CHECK(
        error_of(
            head +
            R"("view": {"kind": "grid", "columns": {"param": "depth", "values": [1]}, "wrap": 1.5}})") ==
        "p.json: view.wrap: must be a whole number");
    CHECK(error_of(head + R"("view": {"kind": "heightmap", "camera": {"roll": 3}}})") ==
          "p.json: view.camera.roll: unknown key");
    CHECK(error_of(head + R"("view": {"columns": {"param": "depth", "values": [1]}}})") ==
          "p.json: view.kind: missing (expected picture, progression, grid, neurons, "
          "decomposition, curves, heightmap, surfaces, channels, activation, phase, regions, "
          "detail, breed)");
    // An animation: its own keys, then checked against the parameters, the file named.
    CHECK(error_of(head + R"("animation": {"param": "center", "from": 1, "to": [0, 0]}})") ==
          "p.json: animation.from: must be a list of two numbers");
    CHECK(error_of(head + R"("animation": {"param": "z", "from": 0}})") ==
          "p.json: animation.to: missing");
    CHECK(error_of(head + R"("animation": {"param": "z", "from": 0, "to": 1, "frames": 0}})") ==
          "p.json: animation.frames: must be between 1 and 100000 (got 0)");
    CHECK(error_of(head + R"("animation": {"param": "extent", "from": 0, "to": 1}})") ==
          "p.json: animation: a zoom needs positive extents at both ends");
}

TEST_CASE("a preset of format 1 reads its parameters as format 1") {
    const Preset p = preset_from_json(
        R"({"format": "primordial-preset/1", "name": "n", "title": "t", "params": {"network": {"depth": 3}}})",
        "p");
    CHECK(p.params.network.biases == BiasRule::full);
    CHECK(p.params.network.scale == 1.0);
    const Preset q = preset_from_json(
        R"({"format": "primordial-preset/2", "name": "n", "title": "t", "params": {"network": {"depth": 3}}})",
        "p");
    CHECK(q.params.network.biases == BiasRule::quarter);  // format 2's article rule
    CHECK(q.params.view.center_x == 0);                   // format 2's default centre
    const Preset r = preset_from_json(
        R"({"format": "primordial-preset/3", "name": "n", "title": "t", "params": {"network": {"depth": 3}}})",
        "p");
    CHECK(r.params.network.biases == BiasRule::article);
    CHECK(r.params.view.center_x == kArticleCenterX);
}

TEST_CASE("a sweep's companions change in step with it, and survive JSON") {
    const Preset p = preset_from_json(
        R"({"format": "primordial-preset/3", "name": "n", "title": "t",
            "params": {"network": {"seed": 10, "depth": 3}},
            "view": {"kind": "grid", "columns": {"param": "depth", "values": [1, 2]},
                     "rows": {"param": "activation", "values": ["tanh", "relu"],
                              "with": [{"param": "seed_offset", "values": [0, 5]},
                                       {"param": "scale", "values": [0.6, 0.5]}]}}})",
        "p");
    REQUIRE(p.view.rows);
    const Sweep& rows = *p.view.rows;
    const Params relu = sweep_point(p.params, rows, 1);
    CHECK(relu.network.activations == std::vector{Activation::relu});
    CHECK(relu.network.seed == 15);  // an offset from whatever seed is set
    CHECK(relu.network.scale == 0.5);
    CHECK(sweep_point(p.params, rows, 0).network.seed == 10);
    CHECK(sweep_label(rows, 1) == "relu (seed +5, scale 0.5)");
    // Written and read again, the same view.
    const Preset again = preset_from_json(preset_to_json(p), "again");
    CHECK(again.view == p.view);
    // A companion needs one value for each of the sweep's.
    CHECK(error_of(R"({"format": "primordial-preset/3", "name": "n", "title": "t", "params": {},
                       "view": {"kind": "grid", "columns": {"param": "depth", "values": [1, 2],
                                "with": [{"param": "seed", "values": [1]}]}}})") ==
          "p.json: view.columns.with[0].values: must be a list of 2 values, one for each of the "
          "sweep's");
}

TEST_CASE("a view spec survives JSON") {
    ViewSpec v;
    v.kind = ViewKind::grid;
    v.rows = Sweep{SweepParam::activation, {activation_value(Activation::relu)}, {}};
    v.columns = make_sweep(SweepParam::extent, 40, 0.15625, 9, true);
    v.wrap = 3;
    v.camera.yaw = 12;
    CHECK(view_from_json(view_to_json(v), "t") == v);
    v.kind = ViewKind::activation;
    v.function = Activation::elu;
    v.curve = true;
    CHECK(view_from_json(view_to_json(v), "t") == v);
}

TEST_CASE("a state reads from a parameter file, a preset, or a PNG with its view") {
    const Preset* fig = find_preset("14");
    REQUIRE(fig);
    // A preset's text (what Ctrl+C puts on the clipboard) comes back with its view.
    const State s = state_from_text(preset_to_json(*fig), "clip");
    CHECK(s.params == fig->params);
    CHECK(s.view == fig->view);
    // A plain parameter file: the single picture.
    const State p = state_from_text(params_to_json(fig->params), "p.json");
    CHECK(p.params == fig->params);
    CHECK(p.view.kind == ViewKind::picture);
    CHECK_THROWS_WITH_AS(state_from_text("{\"format\": \"other/1\"}", "clip"),
                         "clip: format: 'other/1' is not a Primordial parameter file", InputError);
    // An animation preset keeps its animation through text.
    const Preset* f20 = find_preset("20");
    REQUIRE(f20);
    CHECK(preset_from_json(preset_to_json(*f20), "again").animation == f20->animation);
}
