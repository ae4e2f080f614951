#include <doctest/doctest.h>

#include <cmath>

#include "core/theory/mean_field.hpp"

using namespace primordial::core;

TEST_CASE("the length map matches its closed forms") {
    for (double q : {1e-4, 0.3, 1.0, 7.5, 250.0}) {
        CAPTURE(q);
        // identity: q' = sw2 q + sb2; relu: q' = sw2 q / 2 + sb2; leaky relu likewise.
        CHECK(length_map(Activation::identity, q, 1.7, 0.2) ==
              doctest::Approx(1.7 * q + 0.2).epsilon(1e-9));
        CHECK(length_map(Activation::relu, q, 2.4, 0.1) ==
              doctest::Approx(2.4 * q / 2 + 0.1).epsilon(1e-9));
        CHECK(mean_square(Activation::leaky_relu, q) ==
              doctest::Approx(q * (1 + 1e-4) / 2).epsilon(1e-9));
        // sin: E[sin^2] = (1 - e^(-2q)) / 2; gaussian: E[e^(-2 q z^2)] = 1 / sqrt(1 + 4q).
        CHECK(mean_square(Activation::sin, q) ==
              doctest::Approx((1 - std::exp(-2 * q)) / 2).epsilon(1e-8));
        CHECK(mean_square(Activation::gaussian, q) ==
              doctest::Approx(1 / std::sqrt(1 + 4 * q)).epsilon(1e-8));
        // Slopes: relu's is a step, half the time 1.
        CHECK(mean_square_slope(Activation::relu, q) == doctest::Approx(0.5).epsilon(1e-12));
        CHECK(mean_square_slope(Activation::identity, q) == doctest::Approx(1.0).epsilon(1e-12));
    }
    // tanh of a small signal is the signal; of a huge one, +-1.
    CHECK(mean_square(Activation::tanh, 1e-6) == doctest::Approx(1e-6).epsilon(1e-5));
    CHECK(mean_square(Activation::tanh, 1e6) == doctest::Approx(1.0).epsilon(1e-3));
    CHECK(mean_square(Activation::tanh, 1.0) == doctest::Approx(0.3942944904).epsilon(1e-9));
}

TEST_CASE("the tabulated length map agrees with the integral") {
    const SquareTable t(Activation::tanh);
    for (double q = 1e-7; q < 1e7; q *= 3.7)
        CHECK(t(q) == doctest::Approx(mean_square(Activation::tanh, q)).epsilon(1e-6));
    CHECK(t(0) == 0);
}

TEST_CASE("chi1 and the edge of chaos") {
    // relu at sigma_w2 = 2 without biases is exactly critical.
    CHECK(fixed_point(Activation::relu, 2.0, 0.0).chi1 == doctest::Approx(1.0).epsilon(1e-9));
    CHECK(fixed_point(Activation::relu, 3.0, 0.1).chi1 == doctest::Approx(1.5).epsilon(1e-9));
    CHECK(!fixed_point(Activation::relu, 3.0, 0.1).q_star);  // the length grows without bound
    // tanh with sigma_b2 = 0.05: the critical sigma_w2 is about 1.76 (Poole et al., figure 2).
    double lo = 1, hi = 3;
    for (int i = 0; i < 40; ++i) {
        const double mid = (lo + hi) / 2;
        (fixed_point(Activation::tanh, mid, 0.05).chi1 < 1 ? lo : hi) = mid;
    }
    CHECK(lo == doctest::Approx(1.76).epsilon(0.01));
    // Without biases tanh is ordered below sigma_w2 = 1 (q* = 0, chi1 = sigma_w2) and chaotic
    // above.
    const FixedPoint ordered = fixed_point(Activation::tanh, 0.8, 0.0);
    CHECK(*ordered.q_star == 0);
    CHECK(ordered.chi1 == doctest::Approx(0.8).epsilon(1e-6));
    const FixedPoint chaotic = fixed_point(Activation::tanh, 2.0, 0.0);
    CHECK(*chaotic.q_star > 0.5);
    CHECK(length_map(Activation::tanh, *chaotic.q_star, 2.0, 0.0) ==
          doctest::Approx(*chaotic.q_star).epsilon(1e-9));
    CHECK(phase_of(0.97) == Phase::ordered);
    CHECK(phase_of(1.0) == Phase::critical);
    CHECK(phase_of(1.03) == Phase::chaotic);
}

TEST_CASE("layer variances come from the scheme and the scale") {
    NetworkParams n;
    n.depth = 4;
    n.widths = {30};
    n.scale = 0.9;
    // range, uniform on [-s, s]: Var = s^2 / 3; hidden biases 0.6 of s; the output none.
    const LayerVariances hidden = layer_variances(n, 1);
    CHECK(hidden.weight_variance == doctest::Approx(0.81 / 3));
    CHECK(hidden.sigma_w2 == doctest::Approx(30 * 0.81 / 3));
    CHECK(hidden.sigma_b2 == doctest::Approx(0.54 * 0.54 / 3));
    CHECK(layer_variances(n, 3).sigma_b2 == 0);
    CHECK(layer_variances(n, 0).sigma_w2 == doctest::Approx(2 * 0.81 / 3));
    n.distribution = Distribution::normal;
    n.init = Init::he;
    n.scale = 1;
    CHECK(layer_variances(n, 1).sigma_w2 == doctest::Approx(2.0));
    CHECK(reference_layer(n) == 1);
    n.depth = 1;
    CHECK(reference_layer(n) == -1);
    CHECK(!network_fixed_point(n));
}

TEST_CASE("the critical weight scale of the article's networks") {
    // 30-unit tanh layers with biases on the same range as the weights (format 1, the issue's
    // figure): the edge of chaos at a weight range of about 0.43.
    NetworkParams n;
    n.depth = 27;
    n.widths = {30};
    n.biases = BiasRule::full;
    const auto full = critical_scale(n);
    REQUIRE(full);
    CHECK(*full == doctest::Approx(0.43).epsilon(0.02));
    n.scale = *full;
    CHECK(network_fixed_point(n)->chi1 == doctest::Approx(1.0).epsilon(1e-6));
    // The article's rule (smaller biases) moves the edge to smaller ranges.
    n.biases = BiasRule::article;
    CHECK(*critical_scale(n) < *full);
    // He-scaled relu is critical at gain 1.
    n.activations = {Activation::relu};
    n.init = Init::he;
    n.bias_scale = 0.0;
    CHECK(*critical_scale(n) == doctest::Approx(1.0).epsilon(1e-6));
}
