#include "cli/fma_peak.hpp"

#include <immintrin.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <thread>
#include <vector>

namespace primordial::cli {
namespace {

constexpr int kChains = 12;

// Each kernel runs `iters` rounds of kChains independent FMAs and returns a value that depends
// on every one (so none is optimised away). Lanes per FMA: 16, 8, 1.
__attribute__((target("avx512f"))) float kernel_avx512(long iters) {
    __m512 acc[kChains];
    for (int k = 0; k < kChains; ++k) acc[k] = _mm512_set1_ps(0.001f * static_cast<float>(k));
    const __m512 a = _mm512_set1_ps(0.999999f), b = _mm512_set1_ps(1e-7f);
    for (long i = 0; i < iters; ++i)
        for (int k = 0; k < kChains; ++k) acc[k] = _mm512_fmadd_ps(acc[k], a, b);
    __m512 s = acc[0];
    for (int k = 1; k < kChains; ++k) s = _mm512_add_ps(s, acc[k]);
    // Summed by hand: GCC 12's _mm512_reduce_add_ps warns of an uninitialised variable inside.
    alignas(64) float lanes[16];
    _mm512_store_ps(lanes, s);
    float sum = 0;
    for (float lane : lanes) sum += lane;
    return sum;
}

__attribute__((target("avx2,fma"))) float kernel_avx2(long iters) {
    __m256 acc[kChains];
    for (int k = 0; k < kChains; ++k) acc[k] = _mm256_set1_ps(0.001f * static_cast<float>(k));
    const __m256 a = _mm256_set1_ps(0.999999f), b = _mm256_set1_ps(1e-7f);
    for (long i = 0; i < iters; ++i)
        for (int k = 0; k < kChains; ++k) acc[k] = _mm256_fmadd_ps(acc[k], a, b);
    __m256 s = acc[0];
    for (int k = 1; k < kChains; ++k) s = _mm256_add_ps(s, acc[k]);
    float lanes[8];
    _mm256_storeu_ps(lanes, s);
    float out = 0;
    for (float v : lanes) out += v;
    return out;
}

float kernel_scalar(long iters) {
    float acc[kChains];
    for (int k = 0; k < kChains; ++k) acc[k] = 0.001f * static_cast<float>(k);
    for (long i = 0; i < iters; ++i)
        for (float& x : acc) x = std::fma(x, 0.999999f, 1e-7f);
    float out = 0;
    for (float x : acc) out += x;
    return out;
}

}  // namespace

FmaPeak measure_fma_peak(int threads, double seconds) {
    FmaPeak peak;
    peak.threads =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    float (*kernel)(long) = kernel_scalar;
    int lanes = 1;
    peak.isa = "scalar";
    if (__builtin_cpu_supports("avx512f")) {
        kernel = kernel_avx512, lanes = 16, peak.isa = "avx512f";
    } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        kernel = kernel_avx2, lanes = 8, peak.isa = "avx2+fma";
    }
    // Calibrate on one thread, then run every thread for about `seconds`.
    long iters = 1 << 16;
    for (;;) {
        const auto t0 = std::chrono::steady_clock::now();
        volatile float sink = kernel(iters);
        (void)sink;
        const double s =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        if (s > 0.02 || iters > (1L << 40)) {
            iters = std::max(1L, static_cast<long>(iters * seconds / std::max(s, 1e-9)));
            break;
        }
        iters *= 4;
    }
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> pool;
    std::vector<float> sinks(static_cast<std::size_t>(peak.threads));
    for (int t = 0; t < peak.threads; ++t)
        pool.emplace_back([&, t] {
            ++ready;
            while (!go.load()) std::this_thread::yield();
            sinks[static_cast<std::size_t>(t)] = kernel(iters);
        });
    while (ready.load() < peak.threads) std::this_thread::yield();
    const auto t0 = std::chrono::steady_clock::now();
    go = true;
    for (std::thread& th : pool) th.join();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const double flops = 2.0 * lanes * kChains * static_cast<double>(iters) * peak.threads;
    peak.gflops = flops / s * 1e-9;
    return peak;
}

}  // namespace primordial::cli
