#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/eval/activation.hpp"

using namespace primordial::core;

TEST_CASE("every activation matches its formula") {
    const Activation all[] = {Activation::tanh,       Activation::sigmoid,  Activation::relu,
                              Activation::leaky_relu, Activation::elu,      Activation::softplus,
                              Activation::sin,        Activation::gaussian, Activation::identity};
    for (Activation a : all) {
        CAPTURE(to_string(a));
        for (double v = -30.0; v <= 30.0; v += 0.01) {
            const float got = activate(a, static_cast<float>(v));
            const double want = activation_reference(a, static_cast<float>(v));
            // Absolute error matters for colours; relative for the unbounded ones.
            CHECK(std::abs(got - want) <= 2e-6 * std::max(1.0, std::abs(want)));
        }
    }
}

TEST_CASE("textbook values") {
    CHECK(activate(Activation::sigmoid, 0.0f) == 0.5f);
    CHECK(activate(Activation::tanh, 0.0f) == 0.0f);
    CHECK(activate(Activation::relu, -3.0f) == 0.0f);
    CHECK(activate(Activation::relu, 3.0f) == 3.0f);
    CHECK(activate(Activation::leaky_relu, -2.0f) == doctest::Approx(-0.02));
    CHECK(activate(Activation::elu, -100.0f) == doctest::Approx(-1.0));
    CHECK(activate(Activation::softplus, 0.0f) == doctest::Approx(std::log(2.0)));
    CHECK(activate(Activation::gaussian, 0.0f) == 1.0f);
    CHECK(activate(Activation::sin, 1.5707963f) == doctest::Approx(1.0));
    CHECK(activate(Activation::tanh, 100.0f) == 1.0f);
    CHECK(activate(Activation::tanh, -100.0f) == -1.0f);
    CHECK(activate(Activation::sigmoid, -200.0f) >= 0.0f);
    CHECK(activate(Activation::sigmoid, 200.0f) == 1.0f);
}

// The pass runs the AVX-512, AVX2 or plain clone, whichever this machine has; the scalar function
// here is built for plain x86-64. The clones with FMA may fuse a multiply and an add, which moves
// a result by an ulp or two at most (tanh's rational form: 8 ulp, 4.8e-7, measured over every
// float in [-12, 12]); within one machine every path uses the same clone.
TEST_CASE("the vectorised pass equals the scalar function") {
    std::vector<float> v;
    for (int i = -5000; i < 5000; ++i) v.push_back(i * 0.00731f);
    for (float x : {0.0f, -0.0f, 1e-30f, 87.5f, -87.5f, 200.0f, -200.0f}) v.push_back(x);
    for (Activation a :
         {Activation::tanh, Activation::sigmoid, Activation::relu, Activation::leaky_relu,
          Activation::elu, Activation::softplus, Activation::sin, Activation::gaussian}) {
        std::vector<float> w = v;
        activate_all(a, w.data(), w.size());
        int differ = 0;
        const float tolerance = a == Activation::tanh ? 5e-7f : 2.5e-7f;
        for (std::size_t i = 0; i < v.size(); ++i)
            differ +=
                std::abs(w[i] - activate(a, v[i])) > tolerance * std::max(1.0f, std::abs(w[i]));
        INFO(to_string(a));
        CHECK(differ == 0);
    }
}

TEST_CASE("names round-trip") {
    for (auto name : {"tanh", "sigmoid", "relu", "leaky_relu", "elu", "softplus", "sin", "gaussian",
                      "identity"}) {
        const auto a = parse_activation(name);
        REQUIRE(a);
        CHECK(to_string(*a) == name);
    }
    CHECK_FALSE(parse_activation("Tanh"));
    CHECK_FALSE(parse_activation(""));
}

TEST_CASE("tanh's rational form is within 4e-7 of tanh everywhere") {
    double worst = 0;
    for (float x = -12.0f; x <= 12.0f; x += 1.0f / 4096)
        worst =
            std::max(worst, std::abs(double(activate(Activation::tanh, x)) - std::tanh(double(x))));
    CHECK(worst < 4e-7);
    CHECK(worst > 0);  // it is an approximation: the check above is not vacuous
}
