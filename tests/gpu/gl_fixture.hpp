// One offscreen debug context for the whole test run, and the checks every GL test shares.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/net/params.hpp"
#include "gpu/context.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::gpu::test {

// The shared context (made current), or nullptr where none can be made: see context_error().
Context* context();
const std::string& context_error();
// Fails the running test on any GL error or KHR_debug error message since the last call.
void check_no_gl_errors();

// RGB bytes of a width x height image from the CPU evaluator and from the GPU.
std::vector<std::uint8_t> cpu_image(const core::Params& p);
std::vector<std::uint8_t> gpu_image(NetworkRenderer& r, const core::Params& p, int max_tile = 1024,
                                    int band = 0);

struct Agreement {
    double within = 0;  // fraction of pixels whose channels all differ by <= 2/255
    int max_diff = 0;
};
Agreement compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b);

// Test cases that found no GL context and stopped short; main() then reports the run as
// skipped (exit code 77, which ctest shows as "Skipped") instead of passed.
int& gl_skips();

}  // namespace primordial::gpu::test

// Skips the rest of a test case, with a message, where no GL context exists.
#define REQUIRE_GL_CONTEXT()                                                \
    do {                                                                    \
        if (!primordial::gpu::test::context()) {                            \
            MESSAGE("skipped: " << primordial::gpu::test::context_error()); \
            ++primordial::gpu::test::gl_skips();                            \
            return;                                                         \
        }                                                                   \
    } while (false)
