#include "core/eval/activation.hpp"

#include <cmath>

namespace primordial::core {
namespace {

template <Activation A>
void apply(float* v, std::size_t n) {
    for (std::size_t i = 0; i < n; ++i) v[i] = activate(A, v[i]);
}

}  // namespace

__attribute__((target_clones("arch=x86-64-v4", "arch=x86-64-v3", "default"))) void activate_all(
    Activation a, float* v, std::size_t n) {
    switch (a) {
        case Activation::tanh:
            return apply<Activation::tanh>(v, n);
        case Activation::sigmoid:
            return apply<Activation::sigmoid>(v, n);
        case Activation::relu:
            return apply<Activation::relu>(v, n);
        case Activation::leaky_relu:
            return apply<Activation::leaky_relu>(v, n);
        case Activation::elu:
            return apply<Activation::elu>(v, n);
        case Activation::softplus:
            return apply<Activation::softplus>(v, n);
        case Activation::sin:
            return apply<Activation::sin>(v, n);
        case Activation::gaussian:
            return apply<Activation::gaussian>(v, n);
        case Activation::identity:
            return;
    }
}

double activation_reference(Activation a, double v) {
    switch (a) {
        case Activation::tanh:
            return std::tanh(v);
        case Activation::sigmoid:
            return 1.0 / (1.0 + std::exp(-v));
        case Activation::relu:
            return std::max(v, 0.0);
        case Activation::leaky_relu:
            return v > 0 ? v : 0.01 * v;
        case Activation::elu:
            return v > 0 ? v : std::expm1(v);
        case Activation::softplus:
            return v > 30 ? v + std::log1p(std::exp(-v)) : std::log1p(std::exp(v));
        case Activation::sin:
            return std::sin(v);
        case Activation::gaussian:
            return std::exp(-v * v);
        case Activation::identity:
            return v;
    }
    return v;
}

double activation_derivative(Activation a, double v) {
    switch (a) {
        case Activation::tanh: {
            const double t = std::tanh(v);
            return 1 - t * t;
        }
        case Activation::sigmoid: {
            const double s = 1.0 / (1.0 + std::exp(-v));
            return s * (1 - s);
        }
        case Activation::relu:
            return v > 0 ? 1.0 : 0.0;
        case Activation::leaky_relu:
            return v > 0 ? 1.0 : 0.01;
        case Activation::elu:
            return v > 0 ? 1.0 : std::exp(v);
        case Activation::softplus:
            return 1.0 / (1.0 + std::exp(-v));
        case Activation::sin:
            return std::cos(v);
        case Activation::gaussian:
            return -2 * v * std::exp(-v * v);
        case Activation::identity:
            return 1.0;
    }
    return 1.0;
}

}  // namespace primordial::core
