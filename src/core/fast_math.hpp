// Branch-free float32 exp, log, sin and tanh (Cephes-style polynomials) that GCC vectorises,
// unlike the libm calls. Absolute error is below 1e-6 over the ranges a network produces.
#pragma once

#include <bit>
#include <cstdint>

namespace primordial::core::fm {

// Rounds to the nearest integer (ties to even) for |x| < 2^22 without a libm call.
inline float round_small(float x) {
    constexpr float magic = 12582912.0f;  // 1.5 * 2^23
    return (x + magic) - magic;
}

inline float exp_f(float x) {
    x = x < -87.0f ? -87.0f : (x > 88.0f ? 88.0f : x);
    const float n = round_small(x * 1.44269504088896341f);
    float r = x - n * 0.693359375f;
    r = r - n * -2.12194440e-4f;
    const float p = ((((1.9875691500e-4f * r + 1.3981999507e-3f) * r + 8.3334519073e-3f) * r +
                      4.1665795894e-2f) *
                         r +
                     1.6666665459e-1f) *
                        r +
                    5.0000001201e-1f;
    const float y = p * (r * r) + r + 1.0f;
    const auto bits = static_cast<std::uint32_t>(static_cast<std::int32_t>(n) + 127) << 23;
    return y * std::bit_cast<float>(bits);
}

// Natural log for positive, normal x.
inline float log_f(float x) {
    const auto bits = std::bit_cast<std::uint32_t>(x);
    float e = static_cast<float>(static_cast<std::int32_t>((bits >> 23) & 0xFFu) - 126);
    float m = std::bit_cast<float>((bits & 0x007FFFFFu) | 0x3F000000u);  // [0.5, 1)
    const bool small = m < 0.707106781186547524f;
    e = small ? e - 1.0f : e;
    m = small ? m + m - 1.0f : m - 1.0f;
    const float z = m * m;
    float y = ((((((((7.0376836292e-2f * m - 1.1514610310e-1f) * m + 1.1676998740e-1f) * m -
                    1.2420140846e-1f) *
                       m +
                   1.4249322787e-1f) *
                      m -
                  1.6668057665e-1f) *
                     m +
                 2.0000714765e-1f) *
                    m -
                2.4999993993e-1f) *
                   m +
               3.3333331174e-1f) *
              m * z;
    y = y + -2.12194440e-4f * e;
    y = y - 0.5f * z;
    return m + y + 0.693359375f * e;
}

// sin by reduction to [-pi/2, pi/2]; accurate for |x| < 4e6.
inline float sin_f(float x) {
    const float k = round_small(x * 0.318309886183790671f);
    float r = x - k * 3.140625f;
    r = r - k * 9.67502593994140625e-4f;
    r = r - k * 1.509957990978376432e-7f;
    const float z = r * r;
    const float s =
        ((((-2.50521083854417e-8f * z + 2.75573192239859e-6f) * z - 1.98412698412698e-4f) * z +
          8.33333333333333e-3f) *
             z -
         1.66666666666667e-1f) *
            z * r +
        r;
    const auto odd = static_cast<std::uint32_t>(static_cast<std::int32_t>(k)) & 1u;
    return std::bit_cast<float>(std::bit_cast<std::uint32_t>(s) ^ (odd << 31));
}

inline float tanh_f(float x) {
    const float a = x < 0.0f ? -x : x;
    const float z = x * x;
    const float small =
        ((((-5.70498872745e-3f * z + 2.06390887954e-2f) * z - 5.37397155531e-2f) * z +
          1.33314422036e-1f) *
             z -
         3.33332819422e-1f) *
            z * x +
        x;
    const float big = 1.0f - 2.0f / (exp_f(a + a) + 1.0f);
    return a < 0.625f ? small : (x < 0.0f ? -big : big);
}

}  // namespace primordial::core::fm
