// The activation functions, as the CPU evaluator computes them and the shader mirrors them.
#pragma once

#include <cstddef>

#include "core/eval/fast_math.hpp"
#include "core/net/params.hpp"

namespace primordial::core {

inline float activate(Activation a, float v) {
    switch (a) {
        case Activation::tanh:
            return fm::tanh_f(v);
        case Activation::sigmoid:
            return 1.0f / (1.0f + fm::exp_f(-v));
        case Activation::relu:
            return v > 0.0f ? v : 0.0f;
        case Activation::leaky_relu:
            return v > 0.0f ? v : 0.01f * v;
        case Activation::elu:
            return v > 0.0f ? v : fm::exp_f(v) - 1.0f;
        case Activation::softplus: {
            const float magnitude = v < 0.0f ? -v : v;
            return (v > 0.0f ? v : 0.0f) + fm::log_f(1.0f + fm::exp_f(-magnitude));
        }
        case Activation::sin:
            return fm::sin_f(v);
        case Activation::gaussian:
            return fm::exp_f(-v * v);
        case Activation::identity:
            return v;
    }
    return v;
}

// Applies `a` to v[0..n) in place; vectorised per activation.
void activate_all(Activation a, float* v, std::size_t n);

// The textbook formula in double precision, for tests, statistics and documentation.
double activation_reference(Activation a, double v);
// Its derivative (relu's is 0 at 0: a unit is active where v > 0).
double activation_derivative(Activation a, double v);

}  // namespace primordial::core
