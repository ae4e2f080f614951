#include <doctest/doctest.h>

#include <cmath>
#include <set>

#include "core/params_json.hpp"
#include "core/preset.hpp"
#include "core/sheet.hpp"

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

TEST_CASE("figure 3 carries the article's hand-set single layer") {
    const Preset* p = find_preset("3");
    REQUIRE(p);
    CHECK(p->view.kind == ViewKind::heightmap);
    REQUIRE(p->params.network.set_weights.size() == 1);
    CHECK(p->params.network.set_weights[0].weights == std::vector<float>{0.4f, 1.0f});
    CHECK(p->params.network.set_weights[0].biases == std::vector<float>{-0.3f});
}

TEST_CASE("figure 19 sweeps the weight range geometrically from 0.5 to 1") {
    const Preset* p = find_preset("19");
    REQUIRE(p);
    CHECK(p->params.network.depth == 27);
    CHECK(p->params.network.widths == std::vector<int>{30});
    REQUIRE(p->view.columns.values.size() == 9);
    CHECK(p->view.columns.values.front() == doctest::Approx(0.5));
    CHECK(p->view.columns.values.back() == doctest::Approx(1.0));
    CHECK(p->view.columns.values[4] == doctest::Approx(std::sqrt(0.5)));
}

TEST_CASE("bad preset files say what is wrong") {
    const auto error_of = [](const std::string& text) {
        try {
            preset_from_json(text, "p.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    const std::string head = R"({"format": "primordial-preset/1", "name": "n", "title": "t", "params": {}, )";
    CHECK(error_of(R"({"format": "primordial/1"})") == "p.json: format: expected \"primordial-preset/1\"");
    CHECK(error_of(head + R"("view": {"kind": "spiral"}})") ==
          "p.json: view.kind: unknown 'spiral' (expected picture, progression, grid, neurons, curves, decomposition, heightmap)");
    CHECK(error_of(head + R"("view": {"kind": "grid"}})") == "p.json: view.columns: a grid needs a sweep");
    CHECK(error_of(head + R"("view": {"kind": "grid", "columns": {"param": "colour", "values": [1]}}})") ==
          "p.json: view.columns.param: unknown 'colour' (expected depth, width, extent, scale, activation, seed, z)");
    CHECK(error_of(head + R"("view": {"kind": "grid", "columns": {"param": "scale", "from": 0, "to": 1, "count": 3, "spacing": "geometric"}}})") ==
          "p.json: view.columns: geometric spacing needs positive ends");
    CHECK(error_of(head + R"("view": {"kind": "grid", "columns": {"param": "activation", "values": ["tanh", "swish"]}}})")
              .find("must be activation names") != std::string::npos);
    CHECK(error_of(head + R"("extra": 1})") == "p.json: .extra: unknown key");
}

TEST_CASE("a view spec survives JSON") {
    ViewSpec v;
    v.kind = ViewKind::grid;
    v.rows = Sweep{SweepParam::activation, {activation_value(Activation::relu)}};
    v.columns = make_sweep(SweepParam::extent, 40, 0.15625, 9, true);
    v.wrap = 3;
    v.camera.yaw = 12;
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
