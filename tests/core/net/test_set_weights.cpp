#include <doctest/doctest.h>

#include <cmath>

#include "core/eval/evaluate.hpp"
#include "core/io/params_json.hpp"
#include "core/net/network.hpp"

using namespace primordial::core;

namespace {

Params single_layer() {
    Params p;
    p.network.depth = 1;
    p.network.outputs = 1;
    p.network.set_weights = {{{0.4f, 1.0f}, {-0.3f}}};
    return p;
}

std::string error_of(const std::string& json) {
    try {
        params_from_json(json, "f.json");
    } catch (const InputError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("hand-set weights replace the seeded ones and ignore the seed") {
    Params p = single_layer();
    const Network a = build_network(p.network);
    CHECK(a.layers[0].weights == std::vector<float>{0.4f, 1.0f});
    CHECK(a.layers[0].biases == std::vector<float>{-0.3f});
    p.network.seed = 999;
    CHECK(build_network(p.network).layers[0].weights == a.layers[0].weights);
    // The article's equation (3): 1 / (1 + exp(-0.4 x - y + 0.3)).
    const auto out = Evaluator(a, p.view).outputs_at(std::vector<PlanePoint>{{2.0, -1.0}});
    CHECK(out[0] == doctest::Approx(1 / (1 + std::exp(-0.8 + 1 + 0.3))).epsilon(1e-6));
}

TEST_CASE("hand-set weights travel in the parameter file exactly") {
    Params p;
    p.network.depth = 2;
    p.network.widths = {3};
    const Network seeded = build_network(p.network);
    p.network.set_weights = layer_values(seeded);
    p.network.set_weights[0].weights[1] = 0.1f;  // not short in binary
    p.network.set_weights[1].biases[2] = -1e-7f;
    const std::string text = params_to_json(p);
    CHECK(text.find("\"weights\"") != std::string::npos);
    const Params back = params_from_json(text, "t");
    CHECK(back == p);
    CHECK(build_network(back.network).layers[0].weights[1] == 0.1f);
    // Without hand-set values the file has no weights key at all.
    CHECK(params_to_json(Params{}).find("\"weights\"") == std::string::npos);
}

TEST_CASE("hand-set weights of the wrong shape or value are refused with the layer named") {
    const std::string head =
        R"({"format": "primordial/1", "network": {"depth": 1, "outputs": 1, "weights": )";
    CHECK(error_of(head + R"([{"weights": [[0.4]], "biases": [0]}]}})") ==
          "f.json: network.weights: layer 1: expected 1 rows of 2 weights and 1 biases");
    CHECK(
        error_of(head +
                 R"([{"weights": [[0.4, 1]], "biases": [0]}, {"weights": [], "biases": []}]}})") ==
        "f.json: network.weights: give one entry per layer (1), got 2");
    CHECK(error_of(head + R"([]}})") == "");  // an empty list: the seeded weights
    CHECK(error_of(head + R"([{"weights": [[0.4, "a"]], "biases": [0]}]}})") ==
          "f.json: network.weights[0].weights: must be a number");
    CHECK(error_of(head + R"([{"weights": [[0.4, 1]]}]}})") ==
          "f.json: network.weights[0]: needs both \"weights\" and \"biases\"");
    CHECK(error_of(head + R"([{"weights": [[0.4, 1e300]], "biases": [0]}]}})") ==
          "f.json: network.weights[0].weights: values must be within +-1e30");
    Params p = single_layer();
    p.network.set_weights[0].biases[0] = NAN;
    CHECK_THROWS_WITH_AS(validate(p), "weights: layer 1: values must be finite", InputError);
}

TEST_CASE("weights are editable by hand only for small networks") {
    NetworkParams n;
    n.depth = 2;
    n.widths = {10};
    CHECK(weights_editable(n));
    n.widths = {11};
    CHECK_FALSE(weights_editable(n));
    n.widths = {3};
    n.depth = 3;
    CHECK_FALSE(weights_editable(n));
}

TEST_CASE("hand-set weights follow a change of shape") {
    NetworkParams n;
    n.depth = 2;
    n.widths = {3};
    n.set_weights = layer_values(build_network(n));
    n.set_weights[1].weights[0] = 0.125f;
    n.set_weights[0].weights[0] = 0.25f;
    n.inputs.push_back(Input::r);  // the first layer's shape changes, the second's does not
    fit_set_weights(n);
    REQUIRE(n.set_weights.size() == 2);
    CHECK(n.set_weights[0].weights.size() == 9);
    CHECK(n.set_weights[0].weights[0] != 0.25f);
    CHECK(n.set_weights[1].weights[0] == 0.125f);
    Params p;
    p.network = n;
    CHECK_NOTHROW(validate(p));
    n.widths = {40};  // too wide to edit: back to seeded weights
    fit_set_weights(n);
    CHECK(n.set_weights.empty());
    // A file's values for a large network fit its shape and are kept.
    n.set_weights = layer_values(build_network(n));
    const auto before = n.set_weights;
    fit_set_weights(n);
    CHECK(n.set_weights == before);
}
