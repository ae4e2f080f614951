#include <doctest/doctest.h>

#include <cmath>

#include "core/eval/evaluate.hpp"
#include "core/net/animation.hpp"

using namespace primordial::core;

namespace {

std::vector<std::uint8_t> render(const Params& p) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(p.image_width) * p.image_height * 3);
    Evaluator(build_network(p.network), p.view)
        .render_rows(p.image_width, p.image_height, 0, p.image_height, rgb.data(), {1});
    return rgb;
}

Params base() {
    Params p;
    p.network.depth = 8;
    p.network.widths = {16};
    p.network.inputs = {Input::x, Input::y, Input::z};
    p.image_width = 24;
    p.image_height = 16;
    return p;
}

double norm(const Layer& l) {
    double s = 0;
    for (float w : l.weights) s += double(w) * w;
    for (float b : l.biases) s += double(b) * b;
    return std::sqrt(s);
}

}  // namespace

TEST_CASE("the first and last frames are plain renders of the sweep's ends") {
    struct Case {
        Animation a;
        Params first, last;
    };
    Params z0 = base(), z1 = base();
    z0.view.z = -1;
    z1.view.z = 1;
    Params s0 = base(), s1 = base();
    s0.network.scale = 0.4;
    s1.network.scale = 0.8;
    Params e0 = base(), e1 = base();
    e0.view.extent = 40;
    e1.view.extent = 0.5;
    Params c0 = base(), c1 = base();
    c0.view.center_x = 1, c0.view.center_y = 2;
    c1.view.center_x = -3, c1.view.center_y = 0.5;
    Params m0 = base(), m1 = base();
    m0.network.seed = 5;
    m1.network.seed = 9;
    const Case cases[] = {
        {{AnimParam::z, -1, 1, 0, 0, 7}, z0, z1},
        {{AnimParam::scale, 0.4, 0.8, 0, 0, 5}, s0, s1},
        {{AnimParam::extent, 40, 0.5, 0, 0, 9}, e0, e1},
        {{AnimParam::center, 1, -3, 2, 0.5, 4}, c0, c1},
        {{AnimParam::morph, 5, 9, 0, 0, 6}, m0, m1},
    };
    for (const Case& c : cases) {
        CAPTURE(to_string(c.a.param));
        CHECK_NOTHROW(validate(base(), c.a));
        CHECK(render(frame_params(base(), c.a, 0)) == render(c.first));
        CHECK(render(frame_params(base(), c.a, c.a.frames - 1)) == render(c.last));
    }
}

TEST_CASE("a zoom is exponential: equal ratios per frame") {
    const Animation a{AnimParam::extent, 40, 0.625, 0, 0, 7};
    for (int k = 1; k < 7; ++k)
        CHECK(frame_params(base(), a, k).view.extent / frame_params(base(), a, k - 1).view.extent ==
              doctest::Approx(0.5));
}

TEST_CASE("a loop closes: the frame after the last is the first again") {
    const Animation a{AnimParam::t, 0, 1, 0, 0, 10};
    Params p = base();
    const Params f0 = frame_params(p, a, 0);
    // The loop's inputs are added to a network that lacks them.
    CHECK(std::count(f0.network.inputs.begin(), f0.network.inputs.end(), Input::cos_t) == 1);
    CHECK(std::count(f0.network.inputs.begin(), f0.network.inputs.end(), Input::sin_t) == 1);
    CHECK(frame_params(p, a, 9).view.t == doctest::Approx(0.9));
    CHECK(render(frame_params(p, a, 10)) == render(f0));
    CHECK(render(frame_params(p, a, 5)) != render(f0));
}

TEST_CASE("a seed morph keeps the weights' spread; a straight blend would shrink it") {
    NetworkParams n = base().network;
    n.widths = {200};
    const Network a = build_network(n);
    n.morph = Morph{77, 0.5};
    const Network mid = build_network(n);
    for (std::size_t l = 0; l < a.layers.size(); ++l)
        CHECK(norm(mid.layers[l]) == doctest::Approx(norm(a.layers[l])).epsilon(0.05));
    // Halfway, each weight is (a + b) / (2 cos(omega / 2)): not the straight mean.
    n.morph->t = 0;
    CHECK(build_network(n).layers[0].weights == a.layers[0].weights);
}

TEST_CASE("animations that cannot apply say why") {
    const auto error = [](Animation a, Params p = base()) {
        try {
            validate(p, a);
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string();
    };
    CHECK(error({AnimParam::extent, 0, 1, 0, 0, 5}) ==
          "animation: a zoom needs positive extents at both ends");
    CHECK(error({AnimParam::morph, 1.5, 2, 0, 0, 5}) ==
          "animation: a morph goes between two seeds (whole numbers >= 0)");
    CHECK(error({AnimParam::z, 0, 1, 0, 0, 0}) ==
          "animation: frames must be between 1 and 100000 (got 0)");
    CHECK(error({AnimParam::scale, 0.5, -1, 0, 0, 5}).find("scale: must be > 0") !=
          std::string::npos);
    CHECK(error({AnimParam::z, 0, NAN, 0, 0, 5}) == "animation: the ends must be finite numbers");
}

TEST_CASE("depth and width animate in whole steps; the bias scale smoothly") {
    const Animation d{AnimParam::depth, 1, 8, 0, 0, 15};
    for (int k = 0; k < 15; ++k) {
        const Params p = frame_params(base(), d, k);
        CHECK(p.network.depth == static_cast<int>(std::round(1 + 7.0 * k / 14)));
    }
    const Animation w{AnimParam::width, 4, 16, 0, 0, 5};
    CHECK(frame_params(base(), w, 4).network.widths == std::vector<int>{16});
    const Animation b{AnimParam::bias_scale, 0, 2, 0, 0, 5};
    CHECK(*frame_params(base(), b, 2).network.bias_scale == doctest::Approx(1.0));
    CHECK_NOTHROW(validate(base(), d));
}
