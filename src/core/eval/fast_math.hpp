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

// tanh as one rational function, x P(x^2) / Q(x^2) on [-7.905, 7.905] (past that, float tanh is
// 1): the minimax coefficients Eigen, XLA and ONNX Runtime use. 13 multiply-adds and a division,
// no exp: half the work of 1 - 2 / (exp(2x) + 1), and within 3e-7 of tanh (4e-7 without FMA).
inline float tanh_f(float x) {
    constexpr float kClamp = 7.90531110763549805f;
    x = x < -kClamp ? -kClamp : (x > kClamp ? kClamp : x);
    const float z = x * x;
    float p = -2.76076847742355e-16f;
    p = p * z + 2.00018790482477e-13f;
    p = p * z + -8.60467152213735e-11f;
    p = p * z + 5.12229709037114e-08f;
    p = p * z + 1.48572235717979e-05f;
    p = p * z + 6.37261928875436e-04f;
    p = p * z + 4.89352455891786e-03f;
    float q = 1.19825839466702e-06f;
    q = q * z + 1.18534705686654e-04f;
    q = q * z + 2.26843463243900e-03f;
    q = q * z + 4.89352518554385e-03f;
    return x * p / q;
}

}  // namespace primordial::core::fm
