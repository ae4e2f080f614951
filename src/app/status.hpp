// The status line's text: what the picture is doing, in words a newcomer reads.
#pragma once

#include <string>

#include "gpu/progressive.hpp"

namespace primordial::app {

// "refining: 1/4 resolution, 42%" while a picture refines, "done: full resolution in 812 ms"
// once it is finished (never the time of an earlier picture), then the size, the measured
// throughput and the network's cost per pixel.
std::string picture_status(const gpu::ProgressStatus& st, long long mac_per_pixel, int width,
                           int height);

}  // namespace primordial::app
