#include <doctest/doctest.h>

#include <cmath>

#include "core/eval/evaluate.hpp"
#include "core/net/network.hpp"
#include "core/net/rng.hpp"

using namespace primordial::core;

namespace {
NetworkParams net(int depth, int width) {
    NetworkParams p;
    p.depth = depth;
    p.widths = {width};
    p.seed = 99;
    return p;
}
}  // namespace

TEST_CASE("layer shapes follow depth, width and outputs") {
    NetworkParams p = net(4, 30);
    p.widths = {30, 20, 10};
    p.inputs = {Input::x, Input::y, Input::r};
    const Network n = build_network(p);
    REQUIRE(n.layers.size() == 4);
    CHECK(n.layers[0].in == 3);
    CHECK(n.layers[0].out == 30);
    CHECK(n.layers[1].in == 30);
    CHECK(n.layers[1].out == 20);
    CHECK(n.layers[2].out == 10);
    CHECK(n.layers[3].in == 10);
    CHECK(n.layers[3].out == 3);
    CHECK(n.layers[3].activation == Activation::sigmoid);
    CHECK(n.multiply_adds() == 3 * 30 + 30 * 20 + 20 * 10 + 10 * 3);
    CHECK(weight_count(p) == 30 * 4 + 20 * 31 + 10 * 21 + 3 * 11);
}

TEST_CASE("depth 1 maps the inputs straight to the outputs") {
    const Network n = build_network(net(1, 30));
    REQUIRE(n.layers.size() == 1);
    CHECK(n.layers[0].in == 2);
    CHECK(n.layers[0].out == 3);
}

TEST_CASE("deepening keeps every earlier layer and the same output head") {
    const Network a = build_network(net(18, 30));
    const Network b = build_network(net(27, 30));
    for (int l = 0; l < 17; ++l) {
        CHECK(a.layers[l].weights == b.layers[l].weights);
        CHECK(a.layers[l].biases == b.layers[l].biases);
    }
    CHECK(a.layers.back().weights == b.layers.back().weights);
    CHECK(a.layers.back().biases == b.layers.back().biases);
    CHECK(a.layers[17].weights != b.layers[17].weights);  // layer 18 is hidden in b
}

TEST_CASE("widening keeps every existing unit") {
    const Network a = build_network(net(5, 10));
    const Network b = build_network(net(5, 40));
    for (int l = 0; l < 5; ++l) {
        const Layer &la = a.layers[l], &lb = b.layers[l];
        for (int r = 0; r < la.out; ++r) {
            CHECK(la.biases[r] == lb.biases[r]);
            for (int c = 0; c < la.in; ++c) CHECK(la.w(r, c) == lb.w(r, c));
        }
    }
}

TEST_CASE("adding the r input keeps the x and y weights") {
    NetworkParams p = net(3, 8);
    const Network a = build_network(p);
    p.inputs = {Input::x, Input::r, Input::y};
    const Network b = build_network(p);
    for (int r = 0; r < 8; ++r) {
        CHECK(a.layers[0].w(r, 0) == b.layers[0].w(r, 0));  // x
        CHECK(a.layers[0].w(r, 1) == b.layers[0].w(r, 2));  // y
    }
}

TEST_CASE("the seed changes every weight") {
    NetworkParams p = net(3, 8);
    const Network a = build_network(p);
    p.seed = 100;
    const Network b = build_network(p);
    int same = 0;
    for (std::size_t i = 0; i < a.layers[1].weights.size(); ++i)
        same += a.layers[1].weights[i] == b.layers[1].weights[i];
    CHECK(same == 0);
}

TEST_CASE("range scale bounds uniform weights by s; schemes set the spread") {
    NetworkParams p = net(3, 400);
    p.scale = 0.5;
    const Network scaled = build_network(p);
    for (const float w : scaled.layers[1].weights) {
        CHECK(w > -0.5f);
        CHECK(w < 0.5f);
    }
    auto stddev = [](const std::vector<float>& v) {
        double s = 0;
        for (float w : v) s += double(w) * w;
        return std::sqrt(s / v.size());
    };
    for (Distribution d : {Distribution::uniform, Distribution::normal}) {
        p.distribution = d;
        p.scale = 1.0;
        p.init = Init::he;
        CHECK(stddev(build_network(p).layers[1].weights) ==
              doctest::Approx(std::sqrt(2.0 / 400)).epsilon(0.02));
        p.init = Init::lecun;
        CHECK(stddev(build_network(p).layers[1].weights) ==
              doctest::Approx(std::sqrt(1.0 / 400)).epsilon(0.02));
        p.init = Init::glorot;
        p.scale = 2.0;  // a gain
        CHECK(stddev(build_network(p).layers[1].weights) ==
              doctest::Approx(2.0 * std::sqrt(2.0 / 800)).epsilon(0.02));
        p.init = Init::range;
        p.scale = 1.0;
        const double expected = d == Distribution::normal ? 1.0 : 1.0 / std::sqrt(3.0);
        CHECK(stddev(build_network(p).layers[1].weights) ==
              doctest::Approx(expected).epsilon(0.02));
    }
}

TEST_CASE("bias scale is separate; zero removes the biases") {
    NetworkParams p = net(3, 30);
    p.bias_scale = 0.0;
    const Network n = build_network(p);
    for (const Layer& l : n.layers)
        for (float b : l.biases) CHECK(b == 0.0f);
    CHECK(n.layers[1].weights == build_network(net(3, 30)).layers[1].weights);
}

TEST_CASE("the article's single layer: w = (0.4, 1.0), b = -0.3, sigmoid") {
    Network n;
    n.inputs = {Input::x, Input::y};
    Layer l;
    l.in = 2;
    l.out = 1;
    l.weights = {0.4f, 1.0f};
    l.biases = {-0.3f};
    l.activation = Activation::sigmoid;
    n.layers.push_back(l);
    const Evaluator eval(n, ViewParams{});
    const std::vector<PlanePoint> pts{{0, 0}, {1, 0}, {0, 1}, {-0.7, 0.45}, {2.5, -1.25}};
    const auto out = eval.outputs_at(pts);
    for (std::size_t i = 0; i < pts.size(); ++i) {
        const double x1 = pts[i].x, x2 = pts[i].y;
        const double expected = 1.0 / (1.0 + std::exp(-0.4 * x1 - x2 + 0.3));
        CHECK(out[i] == doctest::Approx(expected).epsilon(1e-6));
    }
}

TEST_CASE("build_network computes every weight as weight_value does, wide layers included") {
    NetworkParams p = net(3, 300);  // 90000 weights: filled by several threads
    p.init = Init::glorot;
    const Network n = build_network(p);
    for (int r : {0, 1, 149, 150, 299})
        for (int c : {0, 7, 299}) {
            CHECK(n.layers[1].w(r, c) ==
                  weight_value(p, 1, r, static_cast<std::uint32_t>(c), 300, 300, p.scale));
        }
    CHECK(n.layers[1].biases[200] ==
          weight_value(p, 1, 200, rng::kBiasColumn, 300, 300, p.hidden_bias_scale()));
    CHECK(n.layers[0].w(5, 1) ==
          weight_value(p, 0, 5, static_cast<std::uint32_t>(Input::y), 2, 300, p.scale));
}

TEST_CASE(
    "the article's bias rule: hidden biases at 0.6 of the weights' scale (format 2's at a "
    "quarter), none on the output") {
    NetworkParams p = net(4, 20);
    p.scale = 0.8;
    NetworkParams full = p, quarter = p;
    full.biases = BiasRule::full;
    quarter.biases = BiasRule::quarter;
    const Network a = build_network(p), f = build_network(full), q = build_network(quarter);
    for (int l = 0; l < 4; ++l) {
        CAPTURE(l);
        const Layer& la = a.layers[static_cast<std::size_t>(l)];
        const Layer& lf = f.layers[static_cast<std::size_t>(l)];
        const Layer& lq = q.layers[static_cast<std::size_t>(l)];
        CHECK(la.weights == lf.weights);  // the rule changes biases only
        CHECK(lq.weights == lf.weights);
        for (std::size_t i = 0; i < la.biases.size(); ++i) {
            if (l == 3) {
                CHECK(la.biases[i] == 0.0f);
                CHECK(lq.biases[i] == 0.0f);
                CHECK(lf.biases[i] != 0.0f);
            } else {
                // The same draws on a smaller scale: 0.6 of it, or a quarter.
                CHECK(la.biases[i] == doctest::Approx(lf.biases[i] * 0.6f).epsilon(1e-6));
                CHECK(lq.biases[i] == doctest::Approx(lf.biases[i] * 0.25f).epsilon(1e-6));
                CHECK(std::abs(la.biases[i]) <= 0.48f);
            }
        }
    }
    // Scales given explicitly win over either rule.
    p.bias_scale = 0.8;
    p.output_bias_scale = 0.8;
    const Network e = build_network(p);
    for (int l = 0; l < 4; ++l)
        CHECK(e.layers[static_cast<std::size_t>(l)].biases ==
              f.layers[static_cast<std::size_t>(l)].biases);
    full.output_bias_scale = 0.0;
    CHECK(build_network(full).layers[3].biases == std::vector<float>(3, 0.0f));
}
