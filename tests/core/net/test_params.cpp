#include <doctest/doctest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "core/eval/row_renderer.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/io/preset.hpp"
#include "core/net/network.hpp"
#include "core/net/params.hpp"

using namespace primordial::core;

namespace {
std::string error_of(const std::string& json) {
    try {
        params_from_json(json, "f.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

// Every field away from its default, so that a field a file forgets cannot pass unnoticed.
Params every_field_set() {
    Params p;
    NetworkParams& n = p.network;
    n.inputs = {Input::r, Input::x, Input::z, Input::sin_t};
    n.outputs = 1;
    n.depth = 4;
    n.widths = {5, 4, 3};
    n.activations = {Activation::relu, Activation::sin, Activation::elu};
    n.output_activation = Activation::tanh;
    n.distribution = Distribution::normal;
    n.init = Init::glorot;
    n.scale = 0.1 + 0.2;  // not exactly representable in short decimal
    n.biases = BiasRule::full;
    n.bias_scale = 1e-3;
    n.output_bias_scale = 0.7;
    n.seed = 18446744073709551615ull;
    n.set_weights = layer_values(build_network(n));
    n.set_weights[0].weights[1] = 0.1f;  // not short in binary
    n.morph = Morph{7, 0.375};
    p.view = {10000.25, -1.0 / 3.0, 0.001, 0.7, 0.3};
    p.image_width = 640;
    p.image_height = 480;
    p.colormap = ColorMap::viridis;
    p.supersample = 3;
    return p;
}

}  // namespace

TEST_CASE("the round trips' parameters leave no field at its default") {
    const Params p = every_field_set(), d;
    const NetworkParams &n = p.network, &dn = d.network;
    CHECK(n.inputs != dn.inputs);
    CHECK(n.outputs != dn.outputs);
    CHECK(n.depth != dn.depth);
    CHECK(n.widths != dn.widths);
    CHECK(n.activations != dn.activations);
    CHECK(n.output_activation != dn.output_activation);
    CHECK(n.distribution != dn.distribution);
    CHECK(n.init != dn.init);
    CHECK(n.scale != dn.scale);
    CHECK(n.biases != dn.biases);
    CHECK(n.bias_scale != dn.bias_scale);
    CHECK(n.output_bias_scale != dn.output_bias_scale);
    CHECK(n.seed != dn.seed);
    CHECK(n.set_weights != dn.set_weights);
    REQUIRE(n.morph);
    CHECK(n.morph->to_seed != Morph{}.to_seed);
    CHECK(n.morph->t != Morph{}.t);
    CHECK(p.view.center_x != d.view.center_x);
    CHECK(p.view.center_y != d.view.center_y);
    CHECK(p.view.extent != d.view.extent);
    CHECK(p.view.z != d.view.z);
    CHECK(p.view.t != d.view.t);
    CHECK(p.image_width != d.image_width);
    CHECK(p.image_height != d.image_height);
    CHECK(p.colormap != d.colormap);
    CHECK(p.supersample != d.supersample);
    CHECK_NOTHROW(validate(p));
}

TEST_CASE("JSON round trip keeps every field exactly") {
    const Params p = every_field_set();
    const std::string text = params_to_json(p);
    CHECK(params_from_json(text, "t") == p);
    CHECK(params_to_json(params_from_json(text, "t")) == text);
    // A file that writes every key takes nothing from the base.
    Params base;
    base.network.morph = Morph{3, 0.5};
    base.view.t = 0.25;
    base.supersample = 2;
    CHECK(params_from_json(text, "t", base) == p);
}

TEST_CASE("a PNG's parameters and view round-trip every field") {
    const Params p = every_field_set();
    ViewSpec view;
    view.kind = ViewKind::grid;
    view.columns = make_sweep(SweepParam::scale, 0.5, 1, 3, true);
    view.rows = Sweep{SweepParam::activation, {activation_value(Activation::elu)}, {}};
    view.wrap = 2;
    view.layer = 3;
    view.frames = 5;
    view.camera = {12, 40};
    view.curve = true;
    view.function = Activation::softplus;
    std::filesystem::create_directories(PRIMORDIAL_TEST_TMP);
    const auto path = std::filesystem::path(PRIMORDIAL_TEST_TMP) / "every-field.png";
    // As `primordial render` writes it: a small picture of the network, its parameters inside.
    const auto rows = cpu_rows(build_network(p.network), p.view, 8, 6, {1, p.colormap});
    REQUIRE(write_png(*rows, path, params_to_json(p), {}, 64, 8, view_to_json(view)));
    const State s = state_from_file(path);
    CHECK(s.params == p);
    CHECK(s.view == view);
    CHECK(s.has_view);
}

TEST_CASE("missing keys keep their defaults") {
    const Params p =
        params_from_json(R"({"format": "primordial/2", "network": {"depth": 5}})", "f");
    CHECK(p.network.depth == 5);
    CHECK(p.network.widths == std::vector<int>{30});
    CHECK(p.view.extent == 1.0);
}

TEST_CASE("bad parameter files name the key and the problem") {
    struct Case {
        const char* json;
        const char* message;
    };
    const Case cases[] = {
        {"", "f.json: not valid JSON"},
        {R"({"format": "primordial/2", "network": {"depth": 5)", "f.json: not valid JSON"},
        {R"({"format": "primordial/2", "view": {"extent": 1e999}})",
         "f.json: not valid JSON: number overflow"},
        {R"({"format": "primordial/2", "color": {"map": "jet"}})",
         "f.json: color.map: unknown value 'jet' (expected grey, viridis, magma, ocean)"},
        {R"([1, 2])", "f.json: the file must hold a JSON object"},
        {R"({"format": "primordial/2", "network": [1]})", "f.json: network: must be an object"},
        {R"({"network": {}})", "f.json: format: missing (expected \"primordial/3\")"},
        {R"({"format": "primordial/4"})",
         "f.json: format: 'primordial/4' is not supported by this version (it reads primordial/1, "
         "/2 and /3)"},
        {R"({"format": "other/1"})",
         "f.json: format: 'other/1' is not a Primordial parameter file"},
        {R"({"format": "primordial/2", "colour": 1})", "f.json: colour: unknown key"},
        {R"({"format": "primordial/2", "network": {"dpeth": 3}})",
         "f.json: network.dpeth: unknown key"},
        {R"({"format": "primordial/2", "network": {"depth": 0}})",
         "f.json: network.depth: must be between 1 and 256"},
        {R"({"format": "primordial/2", "network": {"depth": 2.5}})",
         "f.json: network.depth: must be a whole number"},
        {R"({"format": "primordial/2", "network": {"depth": 300}})",
         "f.json: network.depth: must be between 1 and 256"},
        {R"({"format": "primordial/2", "network": {"width": -4}})",
         "f.json: network.width: must be between 1 and 1024"},
        {R"({"format": "primordial/2", "network": {"width": 2000}})",
         "f.json: network.width: must be between 1 and 1024"},
        {R"({"format": "primordial/2", "network": {"depth": 256, "width": 1024}})",
         "more than the limit of 16000000"},
        {R"({"format": "primordial/2", "network": {"activation": "swish"}})",
         "f.json: network.activation: unknown value 'swish' (expected tanh, sigmoid, relu, "
         "leaky_relu, elu, softplus, sin, gaussian, identity)"},
        {R"({"format": "primordial/2", "network": {"activation": ["tanh", 3]}})",
         "f.json: network.activation: must be a name (tanh, sigmoid,"},
        {R"({"format": "primordial/2", "network": {"init": "kaiming"}})",
         "f.json: network.init: unknown value 'kaiming' (expected range, glorot, he, lecun)"},
        {R"({"format": "primordial/2", "network": {"distribution": "cauchy"}})",
         "f.json: network.distribution: unknown value 'cauchy' (expected uniform, normal)"},
        {R"({"format": "primordial/2", "network": {"biases": "some"}})",
         "f.json: network.biases: unknown value 'some' (expected article, quarter, full)"},
        {R"({"format": "primordial/1", "network": {"biases": "full"}})",
         "f.json: network.biases: unknown key"},
        {R"({"format": "primordial/2", "network": {"morph": {"to_seed": -2}}})",
         "f.json: network.morph.to_seed: must be a whole number >= 0"},
        {R"({"format": "primordial/2", "network": {"morph": {"t": 2}}})",
         "f.json: network.morph: t must be between 0 and 1"},
        {R"({"format": "primordial/2", "network": {"inputs": ["x", "w"]}})",
         "f.json: network.inputs: unknown value 'w' (expected x, y, r, z, cos_t, sin_t)"},
        {R"({"format": "primordial/2", "network": {"inputs": "x"}})",
         "f.json: network.inputs: must be a list such as [\"x\", \"y\"]"},
        {R"({"format": "primordial/2", "network": {"inputs": []}})",
         "f.json: network.inputs: needs at least one of x, y, r, z, cos_t, sin_t"},
        {R"({"format": "primordial/2", "network": {"outputs": 2}})",
         "f.json: network.outputs: must be 1 (grey) or 3 (RGB) (got 2)"},
        {R"({"format": "primordial/2", "network": {"outputs": 0}})",
         "f.json: network.outputs: must be between 1 and 3 (got 0)"},
        {R"({"format": "primordial/2", "network": {"scale": 0}})",
         "f.json: network.scale: must be > 0 (got 0)"},
        {R"({"format": "primordial/2", "network": {"scale": -1}})",
         "f.json: network.scale: must be > 0 (got -1)"},
        {R"({"format": "primordial/2", "network": {"scale": "big"}})",
         "f.json: network.scale: must be a number"},
        {R"({"format": "primordial/2", "network": {"seed": -1}})",
         "f.json: network.seed: must be a whole number >= 0"},
        {R"({"format": "primordial/2", "network": {"depth": 3, "width": [10, 20, 30]}})",
         "f.json: network.width: give one value or one per hidden layer (2 for depth 3), got 3"},
        {R"({"format": "primordial/2", "view": {"extent": 0}})",
         "f.json: view.extent: must be >= 1e-12 (got 0)"},
        {R"({"format": "primordial/2", "view": {"t": 1e7}})",
         "f.json: view.t: must be within +-1e+06 (got 1e+07)"},
        {R"({"format": "primordial/2", "view": {"center": [1]}})",
         "f.json: view.center: must be a list of two numbers"},
        {R"({"format": "primordial/2", "view": {"center": [1e300, 0]}})",
         "f.json: view.center: must be within +-1e+12 (got 1e+300)"},
        {R"({"format": "primordial/2", "image": {"width": 40000}})",
         "f.json: image.width: must be between 1 and 32768 (got 40000)"},
        {R"({"format": "primordial/2", "image": {"supersample": 5}})",
         "f.json: image.supersample: must be between 1 and 4 (got 5)"},
        {R"({"format": "primordial/2", "color": {"map": 1}})",
         "f.json: color.map: must be a name (grey, viridis, magma, ocean)"},
    };
    for (const Case& c : cases) {
        const std::string json = c.json;
        const std::string msg = error_of(c.json);
        CAPTURE(json);
        CAPTURE(msg);
        CHECK(msg.find(c.message) != std::string::npos);
        CHECK(msg.find('\n') == std::string::npos);
    }
}

TEST_CASE("validate rejects NaN and infinity") {
    Params p;
    p.network.scale = std::nan("");
    CHECK_THROWS_AS(validate(p), InputError);
    p = Params{};
    p.view.extent = INFINITY;
    CHECK_THROWS_AS(validate(p), InputError);
    p = Params{};
    p.view.center_x = -INFINITY;
    CHECK_THROWS_AS(validate(p), InputError);
    CHECK_NOTHROW(validate(Params{}));
}

TEST_CASE("a file of format 2 means what it meant: the quarter bias rule, centred on the origin") {
    const Params old =
        params_from_json(R"({"format": "primordial/2", "network": {"depth": 5}})", "f");
    CHECK(old.network.biases == BiasRule::quarter);
    CHECK(old.network.hidden_bias_scale() == doctest::Approx(0.25 * old.network.scale));
    CHECK(old.network.output_layer_bias_scale() == 0);
    CHECK(old.view.center_x == 0);
    CHECK(old.network.seed == 1);
    // Its explicit "article" is the quarter rule too; a centre it gives is kept.
    const Params named = params_from_json(
        R"({"format": "primordial/2", "network": {"biases": "article"}, "view": {"center": [2, 1]}})",
        "f");
    CHECK(named.network.biases == BiasRule::quarter);
    CHECK(named.view.center_x == 2);
    // Format 3: the article rule at 0.6 of the scale, the article's frame.
    const Params now = params_from_json(R"({"format": "primordial/3", "network": {}})", "f");
    CHECK(now.network.biases == BiasRule::article);
    CHECK(now.network.hidden_bias_scale() == doctest::Approx(0.6 * now.network.scale));
    CHECK(now.view.center_x == kArticleCenterX);
    // Written again, a format-2 network keeps its rule by name and renders the same.
    const Params again = params_from_json(params_to_json(old), "again");
    CHECK(again.network.biases == BiasRule::quarter);
    CHECK(again.view.center_x == 0);
}

TEST_CASE("the reader refuses a key given twice, trailing bytes and deep nesting, naming them") {
    const auto error_of = [](const std::string& text) {
        try {
            params_from_json(text, "f.json");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error_of(R"({"format": "primordial/3", "network": {"depth": 3, "depth": 4}})") ==
          "f.json: network.depth: given twice");
    CHECK(error_of(R"({"format": "primordial/3", "format": "primordial/3"})") ==
          "f.json: format: given twice");
    CHECK(error_of(R"({"format": "primordial/3"} [])")
              .rfind("f.json: not valid JSON: parse error at "
                     "line 1, column 28",
                     0) == 0);
    // Levels below the top: 128 are read (and refused for what they are), 129 are not.
    CHECK(error_of(std::string(129, '[') + std::string(129, ']')) ==
          "f.json: the file must hold a JSON object");
    CHECK(error_of(std::string(130, '[') + std::string(130, ']')) ==
          "f.json: nested deeper than 128 levels, more than any Primordial file");
    // Keys may repeat in different objects.
    CHECK(error_of(R"({"format": "primordial/3", "network": {"seed": 2}, "view": {"z": 0}})")
              .empty());
}
