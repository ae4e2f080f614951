// Counter-based random numbers: every weight is a pure function of (seed, layer, row, column),
// so networks are reproducible on any platform and deepening/widening keeps existing weights.
#pragma once

#include <cstdint>

namespace primordial::core::rng {

// Layer keys: hidden layers use their index; the output layer has its own key so the same
// output head reads a network of any depth.
inline constexpr std::uint32_t kOutputLayer = 0xFFFF'FFFFu;
// Column key of a unit's bias (weights use columns < 2^31).
inline constexpr std::uint32_t kBiasColumn = 0xFFFF'FFFFu;

// A well-mixed 64-bit hash of the four keys (SplitMix64 finaliser applied per key):
// hash = with_col(with_row(with_layer(with_seed(seed), layer), row), col). The steps are exposed
// so that loops over a matrix mix the shared prefix once.
std::uint64_t with_seed(std::uint64_t seed);
std::uint64_t with_layer(std::uint64_t h, std::uint32_t layer);
std::uint64_t with_row(std::uint64_t h, std::uint32_t row);
std::uint64_t with_col(std::uint64_t h, std::uint32_t col);
std::uint64_t hash(std::uint64_t seed, std::uint32_t layer, std::uint32_t row, std::uint32_t col);

// Uniform on (-1, 1): the top 24 bits of h as an odd multiple of 2^-24, exact in float and double.
double uniform_pm1(std::uint64_t h);

// Standard normal by the inverse CDF (Acklam's rational approximation, relative error under
// 1.2e-9, far below float precision); uses only +, *, /, sqrt and log.
double standard_normal(std::uint64_t h);

}  // namespace primordial::core::rng
