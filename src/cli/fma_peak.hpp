// The machine's own limit for the evaluator's arithmetic, measured in the same run as the bench:
// float32 fused multiply-adds per second on every thread, in the widest vectors the CPU has
// (AVX-512, else AVX2 with FMA, else scalar fma). Twelve independent chains per thread hide
// the FMA latency, as a tuned inner loop would.
#pragma once

#include <string>

namespace primordial::cli {

struct FmaPeak {
    double gflops = 0;  // 2 floating-point operations per lane per FMA
    int threads = 0;
    std::string isa;  // "avx512f", "avx2+fma" or "scalar"
};

// Runs the kernel on `threads` threads (0: every hardware thread) for about `seconds`.
FmaPeak measure_fma_peak(int threads, double seconds = 0.5);

}  // namespace primordial::cli
