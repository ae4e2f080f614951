#include <doctest/doctest.h>

#include "app/status.hpp"

using namespace primordial;

TEST_CASE("the status line says what the picture does, never an earlier picture's time") {
    gpu::ProgressStatus st;
    st.level = 2;
    st.fraction = 0.42;
    st.full_ms = 812.0;      // the last picture's: not shown while this one refines
    st.mac_per_ms = 1.85e6;  // multiply-adds per millisecond: 3.7 GFLOP/s
    const std::string refining = app::picture_status(st, 22650, 1260, 1000);
    CHECK(refining ==
          "refining: 1/4 resolution, 42%  |  1260 x 1000  |  3.7 GFLOP/s  |  22,650 multiply-adds "
          "per pixel");
    CHECK(refining.find("812") == std::string::npos);
    st.done = true;
    st.fraction = 1;
    CHECK(
        app::picture_status(st, 22650, 1260, 1000).rfind("done: full resolution in 812 ms  |", 0) ==
        0);
}
