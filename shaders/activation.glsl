// The activations exactly as src/core/fast_math.hpp and src/core/activation.hpp compute them, so
// the GPU and the CPU evaluator agree to a few ulp. roundEven replaces the C++ magic-number
// rounding (identical for |x| < 2^22, and safe from algebraic simplification).
// The activation codes ACT_* are core::Activation's values, defined before this file by
// gpu::network_constants().

vec4 exp_f(vec4 x) {
    x = clamp(x, -87.0, 88.0);
    vec4 n = roundEven(x * 1.44269504088896341);
    vec4 r = x - n * 0.693359375;
    r = r - n * -2.12194440e-4;
    vec4 p = ((((1.9875691500e-4 * r + 1.3981999507e-3) * r + 8.3334519073e-3) * r +
               4.1665795894e-2) * r + 1.6666665459e-1) * r + 5.0000001201e-1;
    vec4 y = p * (r * r) + r + 1.0;
    return y * intBitsToFloat((ivec4(n) + 127) << 23);
}

// Natural log for positive, normal x.
vec4 log_f(vec4 x) {
    uvec4 bits = floatBitsToUint(x);
    vec4 e = vec4(ivec4((bits >> 23) & 0xFFu) - 126);
    vec4 m = uintBitsToFloat((bits & 0x007FFFFFu) | 0x3F000000u);
    bvec4 small = lessThan(m, vec4(0.707106781186547524));
    e = mix(e, e - 1.0, small);
    m = mix(m - 1.0, m + m - 1.0, small);
    vec4 z = m * m;
    vec4 y = ((((((((7.0376836292e-2 * m - 1.1514610310e-1) * m + 1.1676998740e-1) * m -
                   1.2420140846e-1) * m + 1.4249322787e-1) * m - 1.6668057665e-1) * m +
                2.0000714765e-1) * m - 2.4999993993e-1) * m + 3.3333331174e-1) * m * z;
    y = y + -2.12194440e-4 * e;
    y = y - 0.5 * z;
    return m + y + 0.693359375 * e;
}

vec4 sin_f(vec4 x) {
    vec4 k = roundEven(x * 0.318309886183790671);
    vec4 r = x - k * 3.140625;
    r = r - k * 9.67502593994140625e-4;
    r = r - k * 1.509957990978376432e-7;
    vec4 z = r * r;
    vec4 s = ((((-2.50521083854417e-8 * z + 2.75573192239859e-6) * z - 1.98412698412698e-4) * z +
               8.33333333333333e-3) * z - 1.66666666666667e-1) * z * r + r;
    uvec4 odd = uvec4(ivec4(k) & 1) << 31;
    return uintBitsToFloat(floatBitsToUint(s) ^ odd);
}

// tanh_f: x P(x^2) / Q(x^2) on the clamped range, the C++ formula term by term.
vec4 tanh_f(vec4 x) {
    x = clamp(x, -7.90531110763549805, 7.90531110763549805);
    vec4 z = x * x;
    vec4 p = ((((((-2.76076847742355e-16 * z + 2.00018790482477e-13) * z - 8.60467152213735e-11) *
                 z + 5.12229709037114e-08) * z + 1.48572235717979e-05) * z +
               6.37261928875436e-04) * z + 4.89352455891786e-03);
    vec4 q = ((1.19825839466702e-06 * z + 1.18534705686654e-04) * z + 2.26843463243900e-03) * z +
             4.89352518554385e-03;
    return x * p / q;
}

// llvmpipe runs both sides of every branch (masked SIMD), so the switch below computes one exp_f
// shared by the exp-based activations rather than one per formula; each result is still
// bit-for-bit the C++ formula.
vec4 activate(int a, vec4 v) {
    if (a == ACT_RELU) return mix(vec4(0.0), v, greaterThan(v, vec4(0.0)));
    if (a == ACT_LEAKY_RELU) return mix(0.01 * v, v, greaterThan(v, vec4(0.0)));
    if (a == ACT_IDENTITY) return v;
    if (a == ACT_SIN) return sin_f(v);
    if (a == ACT_TANH) return tanh_f(v);
    vec4 av = abs(v);
    vec4 arg = a == ACT_SIGMOID ? -v
             : a == ACT_ELU ? v
             : a == ACT_SOFTPLUS ? -av
             : -v * v;
    vec4 e = exp_f(arg);
    bvec4 pos = greaterThan(v, vec4(0.0));
    if (a == ACT_SIGMOID) return 1.0 / (1.0 + e);
    if (a == ACT_ELU) return mix(e - 1.0, v, pos);
    if (a == ACT_SOFTPLUS) return mix(vec4(0.0), v, pos) + log_f(1.0 + e);
    return e;  // gaussian
}
