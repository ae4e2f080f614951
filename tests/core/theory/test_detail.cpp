#include <doctest/doctest.h>

#include <cmath>

#include "core/eval/activation.hpp"
#include "core/theory/columns.hpp"
#include "core/theory/detail.hpp"
#include "core/theory/mean_field.hpp"

using namespace primordial::core;

namespace {

// Each layer's pre-activations at the points (xs, ys), by plain evaluation.
std::vector<Columns> pre_activations(const Network& net, const ViewParams& v,
                                     const std::vector<double>& xs, const std::vector<double>& ys) {
    std::vector<Columns> out;
    Columns y = inputs_at(net, v, xs, ys);
    for (const Layer& l : net.layers) {
        out.push_back(dense(l, y, xs.size(), 1));
        y = activated(l.activation, out.back());
    }
    return out;
}

}  // namespace

TEST_CASE("forward-mode derivatives agree with finite differences, every input kind") {
    Params p;
    p.network.depth = 4;
    p.network.widths = {9};
    p.network.inputs = {Input::x, Input::y, Input::r, Input::z};
    p.network.scale = 0.9;
    p.view.z = 0.3;
    const Network net = build_network(p.network);
    const double r = 0.7, eps = 1e-6;
    const int k = 5;
    const auto m = measure_detail(net, p.view, {r}, k, 2);
    REQUIRE(m.size() == 1);
    REQUIRE(m[0].g.size() == 3);
    std::vector<double> xs, ys;
    for (int i = 0; i < k; ++i) {
        const double a = 2 * M_PI * i / k, x = r * std::cos(a), y = r * std::sin(a);
        // x+e, x-e, y+e, y-e at each point
        xs.insert(xs.end(), {x + eps, x - eps, x, x});
        ys.insert(ys.end(), {y, y, y + eps, y - eps});
    }
    const auto h = pre_activations(net, p.view, xs, ys);
    const std::size_t n = xs.size();
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
        double g = 0, picture = 0, radial = 0;
        const Layer& layer = net.layers[l];
        for (int u = 0; u < layer.out; ++u)
            for (int i = 0; i < k; ++i) {
                const double* at = h[l].data() + static_cast<std::size_t>(u) * n + 4 * i;
                const double dx = (at[0] - at[1]) / (2 * eps), dy = (at[2] - at[3]) / (2 * eps);
                g += dx * dx + dy * dy;
                const double s = activation_derivative(layer.activation, (at[0] + at[1]) / 2);
                picture += s * s * (dx * dx + dy * dy);
                const double a = 2 * M_PI * i / k, along = dx * std::cos(a) + dy * std::sin(a);
                radial += s * s * along * along;
            }
        CAPTURE(l);
        if (l + 1 < net.layers.size()) {
            CHECK(m[0].g[l] == doctest::Approx(g / (k * layer.out)).epsilon(1e-6));
        } else {
            CHECK(m[0].picture == doctest::Approx(picture / (k * layer.out)).epsilon(1e-6));
            CHECK(m[0].picture_radial == doctest::Approx(radial / (k * layer.out)).epsilon(1e-6));
        }
    }
}

TEST_CASE("relu: the gradient's product rule holds exactly, in closed form") {
    // f(h) = h f'(h): the radial correction vanishes, g^{l+1} = sigma_w^2 / 2 g^l, and q follows
    // sigma_w^2 q / 2 + sigma_b^2 (the arc-cosine kernel at equal points).
    Params p;
    p.network.depth = 7;
    p.network.widths = {100};
    p.network.activations = {Activation::relu};
    p.network.init = Init::he;
    p.network.scale = 1.3;
    p.network.bias_scale = 0.2;
    for (double r : {0.0, 0.8, 3.0}) {
        const DetailProfile t = predict_detail(p.network, p.view, r);
        REQUIRE(t.g.size() == 6);
        for (int l = 2; l < 6; ++l) {
            const LayerVariances v = layer_variances(p.network, l);
            const auto i = static_cast<std::size_t>(l);
            CAPTURE(r);
            CAPTURE(l);
            CHECK(t.g[i] == doctest::Approx(v.sigma_w2 / 2 * t.g[i - 1]).epsilon(1e-12));
            CHECK(t.q[i] ==
                  doctest::Approx(v.sigma_w2 / 2 * t.q[i - 1] + v.sigma_b2).epsilon(1e-12));
        }
    }
    const SlopeMoments m = slope_moments(Activation::relu, 2.0);
    CHECK(m.square == doctest::Approx(mean_square(Activation::relu, 2.0)).epsilon(1e-9));
    CHECK(m.slope == doctest::Approx(mean_square_slope(Activation::relu, 2.0)).epsilon(1e-9));
}

TEST_CASE("tanh: where q changes, the gradient grows less than the plain product rule") {
    Params p;
    p.network.depth = 9;
    p.network.widths = {1000};
    p.network.scale = 0.06;
    p.network.bias_scale = 0.1;
    const auto product = [&](const DetailProfile& t, std::size_t l) {
        const LayerVariances v = layer_variances(p.network, static_cast<int>(l));
        return v.sigma_w2 * mean_square_slope(Activation::tanh, t.q[l - 1]) * t.g[l - 1];
    };
    // At the origin q is flat: nothing leans, and the product rule is the whole story.
    const DetailProfile centre = predict_detail(p.network, p.view, 0);
    for (std::size_t l = 2; l < 8; ++l)
        CHECK(centre.g[l] == doctest::Approx(product(centre, l)).epsilon(1e-9));
    // Far out the part of the gradient along grad q sees E[f'^2 h^2] / q < E[f'^2].
    const DetailProfile far = predict_detail(p.network, p.view, 4);
    for (std::size_t l = 2; l < 8; ++l) CHECK(far.g[l] < product(far, l) * 0.999);
}

TEST_CASE("the theory follows the mean of wide networks") {
    // 6 layers of 400 tanh units, sigma_w^2 = 1.45: one network scatters by 10 % at layer 5, the
    // mean of 64 by about 1.5 % (the first 8 seeds alone happen to be 10 % high).
    Params p;
    p.network.depth = 6;
    p.network.widths = {400};
    p.network.scale = 0.06 * std::sqrt(1000.0 / 400) * 1.1;
    p.network.bias_scale = 0.1;
    DetailOptions o;
    o.radii = {0, 1.5};
    o.points = 8;
    o.seeds = 64;
    const auto d = network_detail(p, o);
    REQUIRE(d.size() == 2);
    for (const DetailAtRadius& at : d) {
        REQUIRE(at.layers.size() == 5);
        for (const DetailLayer& l : at.layers) {
            CAPTURE(at.r);
            CAPTURE(l.layer);
            CHECK(*l.g_seeds / l.g_theory == doctest::Approx(1).epsilon(0.04));
            CHECK(*l.q_seeds / l.q_theory == doctest::Approx(1).epsilon(0.04));
        }
    }
}

TEST_CASE("hand-set weights: the first layer is its own units") {
    Params p;
    p.network.depth = 2;
    p.network.widths = {3};
    p.network.set_weights = {{{0.5f, -1.0f, 2.0f, 0.0f, -0.25f, 0.75f}, {0.1f, 0.0f, -0.2f}},
                             {{1, 1, 1, 0, 1, -1, 1, 0, 0}, {0, 0, 0}}};
    const DetailProfile t = predict_detail(p.network, p.view, 0.5);
    REQUIRE(t.g.size() == 1);
    // |grad h|^2 of each unit is its weights' squared length, whatever the point.
    CHECK(t.g[0] == doctest::Approx((1.25 + 4.0 + 0.625) / 3).epsilon(1e-12));
    CHECK(std::isfinite(t.picture));
    CHECK(t.picture > 0);
}

TEST_CASE("the hub's radius: where the detail first halves beyond its peak") {
    CHECK(*hub_radius({0, 1, 2, 3}, {8, 10, 6, 4}) == doctest::Approx(2.5));
    CHECK(*hub_radius({0, 1, 2}, {4, 3, 2}) == doctest::Approx(2));
    CHECK(!hub_radius({0, 1, 2}, {4, 3, 2.5}));
    CHECK(!hub_radius({}, {}));
}

TEST_CASE("detail refuses what it cannot hold") {
    Params p;
    DetailOptions o;
    o.radii = {-1};
    CHECK_THROWS_AS(network_detail(p, o), InputError);
    o.radii = {1};
    o.points = 0;
    CHECK_THROWS_AS(network_detail(p, o), InputError);
    p.network.widths = {1000};
    p.network.depth = 3;
    o.points = 1 << 16;
    CHECK_THROWS_AS(network_detail(p, o), InputError);
}

TEST_CASE("the theory follows the mean of networks whatever their inputs") {
    // x alone (no square symmetry to average over), x and y with r, and y with a constant z.
    for (const std::vector<Input>& inputs :
         {std::vector<Input>{Input::x, Input::z}, std::vector<Input>{Input::x, Input::y, Input::r},
          std::vector<Input>{Input::y}}) {
        Params p;
        p.network.depth = 3;
        p.network.widths = {200};
        p.network.inputs = inputs;
        p.network.scale = 0.15;
        p.view.z = 0.5;
        DetailOptions o;
        o.radii = {0.5, 4};
        o.points = 32;
        o.seeds = 64;
        for (const DetailAtRadius& at : network_detail(p, o)) {
            CAPTURE(inputs.size());
            CAPTURE(at.r);
            for (const DetailLayer& l : at.layers) {
                CAPTURE(l.layer);
                CHECK(*l.q_seeds / l.q_theory == doctest::Approx(1).epsilon(0.05));
                CHECK(*l.g_seeds / l.g_theory == doctest::Approx(1).epsilon(0.06));
            }
        }
    }
}

TEST_CASE("far out the first layer's slopes are thin slivers of its weights, and still counted") {
    // At r = 100 a unit with weights of size 1 turns on and off within 1/100 of its weights'
    // range; the picture's detail is on those rays (the star) and nowhere else.
    Params p;
    p.network.depth = 2;
    p.network.widths = {200};
    p.network.scale = 1;
    DetailOptions o;
    o.radii = {100};
    o.points = 1024;
    o.seeds = 128;
    const auto d = network_detail(p, o);
    CHECK(*d[0].picture_seeds / d[0].picture_theory == doctest::Approx(1).epsilon(0.08));
    CHECK(d[0].picture_radial_theory < 1e-3 * d[0].picture_theory);  // across the rays
}

TEST_CASE("no overflow to infinity or NaN where the numbers are merely small or large") {
    Params p;
    p.network.depth = 4;
    p.network.widths = {20};
    p.network.bias_scale = 0.0;
    const DetailProfile tiny = predict_detail(p.network, p.view, 1e-100);  // q ~ 1e-200
    for (double g : tiny.g) CHECK(std::isfinite(g));
    CHECK(std::isfinite(tiny.picture));
    // tanh's slope where q is huge: the mean of f'^2 is its integral, 4/3, over sqrt(2 pi q).
    const double q = 1e6;
    CHECK(slope_moments(Activation::tanh, q).slope ==
          doctest::Approx(4.0 / 3 / std::sqrt(2 * M_PI * q)).epsilon(0.01));
    CHECK(!hub_radius({0, 1, 2}, {0, 0, 0}));  // no detail anywhere: no hub
}
