#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "core/params.hpp"
#include "core/params_json.hpp"

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
}  // namespace

TEST_CASE("JSON round trip keeps every field exactly") {
    Params p;
    p.network.seed = 18446744073709551615ull;
    p.network.depth = 4;
    p.network.widths = {30, 20, 10};
    p.network.activations = {Activation::relu, Activation::sin, Activation::elu};
    p.network.output_activation = Activation::tanh;
    p.network.inputs = {Input::r, Input::x, Input::z};
    p.network.outputs = 1;
    p.network.distribution = Distribution::normal;
    p.network.init = Init::glorot;
    p.network.scale = 0.1 + 0.2;  // not exactly representable in short decimal
    p.network.bias_scale = 1e-3;
    p.view = {10000.25, -1.0 / 3.0, 0.001, 0.7};
    p.image_width = 640;
    p.image_height = 480;
    p.colormap = ColorMap::viridis;
    const std::string text = params_to_json(p);
    CHECK(params_from_json(text, "t") == p);
    CHECK(params_to_json(params_from_json(text, "t")) == text);
}

TEST_CASE("missing keys keep their defaults") {
    const Params p = params_from_json(R"({"format": "primordial/2", "network": {"depth": 5}})", "f");
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
        {R"({"format": "primordial/2", "view": {"extent": 1e999}})", "f.json: not valid JSON: number overflow"},
        {R"({"format": "primordial/2", "color": {"map": "jet"}})", "f.json: color.map: unknown value 'jet' (expected grey, viridis, magma, ocean)"},
        {R"([1, 2])", "f.json: : must be an object"},
        {R"({"network": {}})", "f.json: format: missing"},
        {R"({"format": "primordial/3"})", "f.json: format: 'primordial/3' is not supported by this version (it reads primordial/1 and primordial/2)"},
        {R"({"format": "other/1"})", "f.json: format: 'other/1' is not a Primordial parameter file"},
        {R"({"format": "primordial/2", "colour": 1})", "f.json: colour: unknown key"},
        {R"({"format": "primordial/2", "network": {"dpeth": 3}})", "f.json: network.dpeth: unknown key"},
        {R"({"format": "primordial/2", "network": {"depth": 0}})", "f.json: network.depth: must be between 1 and 256"},
        {R"({"format": "primordial/2", "network": {"depth": 2.5}})", "f.json: network.depth: must be a whole number"},
        {R"({"format": "primordial/2", "network": {"depth": 300}})", "f.json: network.depth: must be between 1 and 256"},
        {R"({"format": "primordial/2", "network": {"width": -4}})", "f.json: network.width: must be between 1 and 1024"},
        {R"({"format": "primordial/2", "network": {"width": 2000}})", "f.json: network.width: must be between 1 and 1024"},
        {R"({"format": "primordial/2", "network": {"depth": 256, "width": 1024}})", "more than the limit of 16000000"},
        {R"({"format": "primordial/2", "network": {"activation": "swish"}})", "f.json: network.activation: unknown value 'swish'"},
        {R"({"format": "primordial/2", "network": {"inputs": ["x", "w"]}})", "f.json: network.inputs: unknown value 'w'"},
        {R"({"format": "primordial/2", "network": {"inputs": []}})", "f.json: inputs: needs at least one"},
        {R"({"format": "primordial/2", "network": {"outputs": 2}})", "f.json: outputs: must be 1 (grey) or 3 (RGB)"},
        {R"({"format": "primordial/2", "network": {"scale": 0}})", "f.json: scale: must be > 0"},
        {R"({"format": "primordial/2", "network": {"scale": -1}})", "f.json: scale: must be > 0"},
        {R"({"format": "primordial/2", "network": {"scale": "big"}})", "f.json: network.scale: must be a number"},
        {R"({"format": "primordial/2", "network": {"seed": -1}})", "f.json: network.seed: must be a whole number >= 0"},
        {R"({"format": "primordial/2", "network": {"depth": 3, "width": [10, 20, 30]}})", "f.json: width: give one value or one per hidden layer (2 for depth 3)"},
        {R"({"format": "primordial/2", "view": {"extent": 0}})", "f.json: extent: must be >= 1e-12"},
        {R"({"format": "primordial/2", "view": {"center": [1]}})", "f.json: view.center: must be a list of two numbers"},
        {R"({"format": "primordial/2", "view": {"center": [1e300, 0]}})", "f.json: center: each coordinate must be within +-1e12"},
        {R"({"format": "primordial/2", "image": {"width": 40000}})", "f.json: image.width: must be between 1 and 32768"},
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
