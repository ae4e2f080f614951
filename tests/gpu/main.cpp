// main() of the test programs that need a GL context: a run where cases found none is reported
// as skipped (exit 77, ctest's SKIP_RETURN_CODE), never as passed.
#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdio>

#include "gpu/gl_fixture.hpp"

int main(int argc, char** argv) {
    doctest::Context run(argc, argv);
    const int failed = run.run();
    if (run.shouldExit() || failed) return failed;
    if (const int skipped = primordial::gpu::test::gl_skips()) {
        std::printf("SKIPPED: %d test cases need a GL context: %s\n", skipped,
                    primordial::gpu::test::context_error().c_str());
        return 77;
    }
    return 0;
}
