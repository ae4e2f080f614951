#include <doctest/doctest.h>

#include <cmath>

#include "core/eval/evaluate.hpp"
#include "core/views/curves.hpp"

using namespace primordial::core;

TEST_CASE("1-D curves: s-curves, their weighted sum and its tanh, from the network's weights") {
    NetworkParams n;
    n.inputs = {Input::x};
    n.depth = 2;
    n.widths = {5};
    n.outputs = 1;
    n.output_activation = Activation::tanh;
    n.scale = 2;
    const Network net = build_network(n);
    ViewParams v;
    v.extent = 3;
    const Curves c = curves(net, v, 101);
    REQUIRE(c.xs.size() == 101);
    CHECK(c.xs.front() == -3);
    CHECK(c.xs.back() == 3);
    REQUIRE(c.hidden.size() == 5);
    const Layer& l1 = net.layers[0];
    const Layer& l2 = net.layers[1];
    for (std::size_t i = 0; i < c.xs.size(); i += 10) {
        const double x = c.xs[i];
        double sum = l2.biases[0];
        for (int u = 0; u < 5; ++u) {
            const double s = std::tanh(double(l1.w(u, 0)) * x + l1.biases[u]);
            CHECK(c.hidden[u][i] == doctest::Approx(s).epsilon(1e-5));
            sum += double(l2.w(0, u)) * s;
        }
        CHECK(c.sums.at(0)[i] == doctest::Approx(sum).epsilon(1e-5));
        CHECK(c.outputs.at(0)[i] == doctest::Approx(std::tanh(sum)).epsilon(1e-5));
    }
    // The output curve is the evaluator's output, bit for bit.
    const auto out = Evaluator(net, v).outputs_at(std::vector<PlanePoint>{{c.xs[37], 0}});
    CHECK(out[0] == c.outputs.at(0)[37]);
}

TEST_CASE("height field of the article's single layer") {
    NetworkParams n;
    n.depth = 1;
    n.outputs = 1;
    n.set_weights = {{{0.4f, 1.0f}, {-0.3f}}};
    ViewParams v;
    v.extent = 6;
    const HeightField f = height_field(build_network(n), v, 100, 100, 9);
    REQUIRE(f.z.size() == 81);
    CHECK(f.x0 == -6);
    CHECK(f.y1 == 6);
    // Row 0 is the top (y = 6), column 0 the left (x = -6).
    CHECK(f.z[0] == doctest::Approx(1 / (1 + std::exp(-(0.4 * -6 + 6 - 0.3)))).epsilon(1e-5));
    CHECK(f.z[80] == doctest::Approx(1 / (1 + std::exp(-(0.4 * 6 - 6 - 0.3)))).epsilon(1e-5));
}

TEST_CASE("an RGB network's curves carry a weighted sum and an output per channel") {
    NetworkParams p;
    p.depth = 3;
    p.widths = {6};
    p.inputs = {Input::x};
    const Network net = build_network(p);
    ViewParams v;
    const Curves c = curves(net, v, 41);
    REQUIRE(c.sums.size() == 3);
    REQUIRE(c.outputs.size() == 3);
    // Each channel's output is the sigmoid of its own sum, and the channels differ.
    for (std::size_t k = 0; k < 3; ++k)
        for (std::size_t i = 0; i < 41; i += 10)
            CHECK(c.outputs[k][i] ==
                  doctest::Approx(1 / (1 + std::exp(-c.sums[k][i]))).epsilon(1e-5));
    CHECK(c.sums[0] != c.sums[1]);
    CHECK(c.sums[1] != c.sums[2]);
}
