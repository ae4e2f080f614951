#include <doctest/doctest.h>

#include <cmath>

#include "core/net/network.hpp"
#include "core/net/rng.hpp"

using namespace primordial::core;

TEST_CASE("hash golden values are the same on every platform") {
    CHECK(rng::hash(1, 0, 0, 0) == 12556254569074072342ull);
    CHECK(rng::hash(42, 3, 7, 11) == 14429348980971713767ull);
}

TEST_CASE("weight golden values") {
    NetworkParams p;
    p.seed = 1;
    CHECK(weight_value(p, 0, 0, 0, 2, 30, 1.0) == 0.361351907f);
    CHECK(weight_value(p, 5, 3, 7, 30, 30, 1.0) == -0.569163144f);
    CHECK(weight_value(p, rng::kOutputLayer, 2, 29, 30, 3, 1.0) == 0.50417465f);
    p.distribution = Distribution::normal;
    CHECK(weight_value(p, 0, 0, 0, 2, 30, 1.0) == 0.46958974f);
    CHECK(weight_value(p, 5, 3, 7, 30, 30, 1.0) == -0.787760377f);
    p.seed = 18446744073709551615ull;
    p.distribution = Distribution::uniform;
    p.init = Init::lecun;
    CHECK(weight_value(p, 1, 2, 3, 30, 30, 1.0) == -0.0740780532f);
}

TEST_CASE("any key changes the hash") {
    const auto h = rng::hash(7, 1, 2, 3);
    CHECK(rng::hash(8, 1, 2, 3) != h);
    CHECK(rng::hash(7, 2, 2, 3) != h);
    CHECK(rng::hash(7, 1, 3, 3) != h);
    CHECK(rng::hash(7, 1, 2, 4) != h);
    // Swapping row and column must not collide (weights are not symmetric).
    CHECK(rng::hash(7, 1, 3, 2) != h);
}

TEST_CASE("uniform samples lie in (-1, 1) with the right moments") {
    double sum = 0, sum2 = 0, lo = 1, hi = -1;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double u = rng::uniform_pm1(rng::hash(3, 0, static_cast<std::uint32_t>(i), 0));
        lo = std::min(lo, u);
        hi = std::max(hi, u);
        sum += u;
        sum2 += u * u;
    }
    CHECK(lo > -1.0);
    CHECK(hi < 1.0);
    CHECK(std::abs(sum / n) < 0.01);
    CHECK(sum2 / n == doctest::Approx(1.0 / 3.0).epsilon(0.01));
}

TEST_CASE("normal samples have mean 0 and variance 1") {
    double sum = 0, sum2 = 0;
    const int n = 200000;
    for (int i = 0; i < n; ++i) {
        const double v = rng::standard_normal(rng::hash(5, 1, 0, static_cast<std::uint32_t>(i)));
        CHECK_FALSE(std::isnan(v));
        sum += v;
        sum2 += v * v;
    }
    CHECK(std::abs(sum / n) < 0.01);
    CHECK(sum2 / n == doctest::Approx(1.0).epsilon(0.02));
}

TEST_CASE("uniform extremes map to symmetric finite values") {
    CHECK(rng::uniform_pm1(0) == -1.0 + 1.0 / (1 << 24));
    CHECK(rng::uniform_pm1(~0ull) == 1.0 - 1.0 / (1 << 24));
    CHECK(std::isfinite(rng::standard_normal(0)));
    CHECK(std::isfinite(rng::standard_normal(~0ull)));
}
