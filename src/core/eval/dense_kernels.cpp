#include "core/eval/dense_kernels.hpp"

#include <cmath>
#include <cstddef>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#include "core/eval/activation.hpp"

namespace primordial::core {
namespace {

// Register blocking: each pass keeps U units' accumulators for the whole block in registers
// (U x 4 zmm, or U x 4 ymm per half block), loads each input row once for all U units, and has
// enough independent FMA chains to cover the FMA latency on both pipes. One unit at a time
// (4 chains) left the FMA units half idle.
#if defined(__x86_64__)
template <int U>
__attribute__((target("avx512f"), always_inline)) inline void units_avx512(const float* w,
                                                                           const float* bias,
                                                                           int in, const float* src,
                                                                           float* dst) {
    __m512 acc[U][4];
    for (int u = 0; u < U; ++u)
        for (auto& a : acc[u]) a = _mm512_set1_ps(bias[u]);
    for (int k = 0; k < in; ++k) {
        const float* x = src + static_cast<std::size_t>(k) * kBlock;
        const __m512 x0 = _mm512_loadu_ps(x), x1 = _mm512_loadu_ps(x + 16),
                     x2 = _mm512_loadu_ps(x + 32), x3 = _mm512_loadu_ps(x + 48);
        for (int u = 0; u < U; ++u) {
            const __m512 wk = _mm512_set1_ps(w[static_cast<std::size_t>(u) * in + k]);
            acc[u][0] = _mm512_fmadd_ps(wk, x0, acc[u][0]);
            acc[u][1] = _mm512_fmadd_ps(wk, x1, acc[u][1]);
            acc[u][2] = _mm512_fmadd_ps(wk, x2, acc[u][2]);
            acc[u][3] = _mm512_fmadd_ps(wk, x3, acc[u][3]);
        }
    }
    for (int u = 0; u < U; ++u)
        for (int q = 0; q < 4; ++q)
            _mm512_storeu_ps(dst + static_cast<std::size_t>(u) * kBlock + q * 16, acc[u][q]);
}

__attribute__((target("avx512f"))) void dense_avx512(const float* w, const float* bias, int in,
                                                     int out, const float* src, float* dst,
                                                     Activation act) {
    constexpr int kUnits = 6;  // 24 accumulators + 4 inputs + 1 weight of 32 registers
    int j = 0;
    auto at = [&](int j0) {
        return std::pair{w + static_cast<std::size_t>(j0) * in,
                         dst + static_cast<std::size_t>(j0) * kBlock};
    };
    for (; j + kUnits <= out; j += kUnits) {
        auto [wj, dj] = at(j);
        units_avx512<kUnits>(wj, bias + j, in, src, dj);
        activate_all(act, dj, kUnits * kBlock);
    }
    auto [wj, dj] = at(j);
    switch (out - j) {
        case 5:
            units_avx512<5>(wj, bias + j, in, src, dj);
            break;
        case 4:
            units_avx512<4>(wj, bias + j, in, src, dj);
            break;
        case 3:
            units_avx512<3>(wj, bias + j, in, src, dj);
            break;
        case 2:
            units_avx512<2>(wj, bias + j, in, src, dj);
            break;
        case 1:
            units_avx512<1>(wj, bias + j, in, src, dj);
            break;
        default:
            return;
    }
    activate_all(act, dj, static_cast<std::size_t>(out - j) * kBlock);
}

// AVX2 has 16 registers: 2 units x 4 ymm (32 pixels) + 4 inputs + 2 weights, twice per block.
template <int U>
__attribute__((target("avx2,fma"), always_inline)) inline void units_avx2(const float* w,
                                                                          const float* bias, int in,
                                                                          const float* src,
                                                                          float* dst) {
    for (int half = 0; half < kBlock; half += 32) {
        __m256 acc[U][4];
        for (int u = 0; u < U; ++u)
            for (auto& a : acc[u]) a = _mm256_set1_ps(bias[u]);
        for (int k = 0; k < in; ++k) {
            const float* x = src + static_cast<std::size_t>(k) * kBlock + half;
            const __m256 x0 = _mm256_loadu_ps(x), x1 = _mm256_loadu_ps(x + 8),
                         x2 = _mm256_loadu_ps(x + 16), x3 = _mm256_loadu_ps(x + 24);
            for (int u = 0; u < U; ++u) {
                const __m256 wk = _mm256_broadcast_ss(w + static_cast<std::size_t>(u) * in + k);
                acc[u][0] = _mm256_fmadd_ps(wk, x0, acc[u][0]);
                acc[u][1] = _mm256_fmadd_ps(wk, x1, acc[u][1]);
                acc[u][2] = _mm256_fmadd_ps(wk, x2, acc[u][2]);
                acc[u][3] = _mm256_fmadd_ps(wk, x3, acc[u][3]);
            }
        }
        for (int u = 0; u < U; ++u)
            for (int q = 0; q < 4; ++q)
                _mm256_storeu_ps(dst + static_cast<std::size_t>(u) * kBlock + half + q * 8,
                                 acc[u][q]);
    }
}

__attribute__((target("avx2,fma"))) void dense_avx2(const float* w, const float* bias, int in,
                                                    int out, const float* src, float* dst,
                                                    Activation act) {
    int j = 0;
    for (; j + 2 <= out; j += 2)
        units_avx2<2>(w + static_cast<std::size_t>(j) * in, bias + j, in, src,
                      dst + static_cast<std::size_t>(j) * kBlock);
    if (j < out)
        units_avx2<1>(w + static_cast<std::size_t>(j) * in, bias + j, in, src,
                      dst + static_cast<std::size_t>(j) * kBlock);
    activate_all(act, dst, static_cast<std::size_t>(out) * kBlock);
}
#endif

// Any CPU: std::fma keeps the rounding of the vector kernels (where the CPU has no FMA
// instruction, it is exact in software: slow, never different).
__attribute__((target_clones("arch=x86-64-v3", "default"))) void dense_portable(
    const float* __restrict w, const float* __restrict bias, int in, int out,
    const float* __restrict src, float* __restrict dst, Activation act) {
    for (int j = 0; j < out; ++j) {
        float acc[kBlock];
        for (float& a : acc) a = bias[j];
        const float* wj = w + static_cast<std::size_t>(j) * in;
        for (int k = 0; k < in; ++k) {
            const float* x = src + static_cast<std::size_t>(k) * kBlock;
            for (int p = 0; p < kBlock; ++p) acc[p] = std::fma(wj[k], x[p], acc[p]);
        }
        for (int p = 0; p < kBlock; ++p) dst[static_cast<std::size_t>(j) * kBlock + p] = acc[p];
    }
    activate_all(act, dst, static_cast<std::size_t>(out) * kBlock);
}

Kernel supported(Kernel k) {
#if defined(__x86_64__)
    const bool avx512 = __builtin_cpu_supports("avx512f");
    const bool avx2 = __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
    if ((k == Kernel::best || k == Kernel::avx512) && avx512) return Kernel::avx512;
    if (k != Kernel::portable && avx2) return Kernel::avx2;
#else
    (void)k;
#endif
    return Kernel::portable;
}

}  // namespace

DenseKernel dense_kernel(Kernel k) {
    switch (supported(k)) {
#if defined(__x86_64__)
        case Kernel::avx512:
            return dense_avx512;
        case Kernel::avx2:
            return dense_avx2;
#endif
        default:
            return dense_portable;
    }
}

std::string_view kernel_name(Kernel k) {
    switch (supported(k)) {
        case Kernel::avx512:
            return "avx512";
        case Kernel::avx2:
            return "avx2";
        default:
            return "portable";
    }
}

}  // namespace primordial::core
