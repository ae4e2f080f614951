// The evaluator's inner loop: one dense layer and its activation over a block of kBlock pixels,
// in the widest vectors the CPU has. Every kernel computes bit for bit the same float32 function,
//   dst[j][p] = act(fma(w[j][in-1], src[in-1][p], ... fma(w[j][0], src[0][p], bias[j]) ...)),
// so the choice changes the speed and never a pixel.
#pragma once

#include <string_view>

#include "core/net/params.hpp"

namespace primordial::core {

constexpr int kBlock = 64;  // pixels per block: four AVX-512 or eight AVX2 registers of floats

enum class Kernel { best, avx512, avx2, portable };

// w: out rows of `in` weights; src: in rows of kBlock floats; dst: out rows of kBlock floats,
// activated with `act` a few units at a time, while they are still in the L1 cache.
using DenseKernel = void (*)(const float* w, const float* bias, int in, int out, const float* src,
                             float* dst, Activation act);

// The kernel for `k` on this CPU: `best` picks the widest it supports; one it does not support
// falls back to the next narrower.
DenseKernel dense_kernel(Kernel k);

// What `dense_kernel(k)` runs here: "avx512", "avx2" or "portable".
std::string_view kernel_name(Kernel k);

}  // namespace primordial::core
