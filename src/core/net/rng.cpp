#include "core/net/rng.hpp"

#include <cmath>

namespace primordial::core::rng {
namespace {

constexpr std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

// Acklam's inverse normal CDF coefficients.
constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                        1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                        6.680131188771972e+01, -1.328068155288572e+01};
constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                        -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                        3.754408661907416e+00};

double inverse_normal_cdf(double p) {
    constexpr double lo = 0.02425, hi = 1 - lo;
    if (p < lo) {
        const double q = std::sqrt(-2 * std::log(p));
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > hi) {
        const double q = std::sqrt(-2 * std::log(1 - p));
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
               ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    const double q = p - 0.5, r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
           (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}

}  // namespace

std::uint64_t with_seed(std::uint64_t seed) {
    return mix(seed + 0x9E3779B97F4A7C15ull);
}
std::uint64_t with_layer(std::uint64_t h, std::uint32_t layer) {
    return mix(h ^ (0xD1B54A32D192ED03ull * (std::uint64_t{layer} + 1)));
}
std::uint64_t with_row(std::uint64_t h, std::uint32_t row) {
    return mix(h ^ (0xABC98388FB8FAC03ull * (std::uint64_t{row} + 1)));
}
std::uint64_t with_col(std::uint64_t h, std::uint32_t col) {
    return mix(h ^ (0x8CB92BA72F3D8DD7ull * (std::uint64_t{col} + 1)));
}

std::uint64_t hash(std::uint64_t seed, std::uint32_t layer, std::uint32_t row, std::uint32_t col) {
    return with_col(with_row(with_layer(with_seed(seed), layer), row), col);
}

double uniform_pm1(std::uint64_t h) {
    const auto k = static_cast<std::int64_t>(h >> 40);  // 24 bits
    return static_cast<double>(2 * k + 1 - (std::int64_t{1} << 24)) / double(1 << 24);
}

double standard_normal(std::uint64_t h) {
    // 52 bits -> p = (k + 0.5) / 2^52, exact in double, never 0 or 1.
    const double p = (static_cast<double>(h >> 12) + 0.5) / 4503599627370496.0;
    return inverse_normal_cdf(p);
}

}  // namespace primordial::core::rng
