// GPU time of a stretch of GL commands (GL_TIME_ELAPSED), for reporting milliseconds. Queries are
// read back without stalling when possible; where timer queries are missing, ms() is empty.
#pragma once

#include <optional>

#include "gpu/gl_handle.hpp"

namespace primordial::gpu {

class GpuTimer {
public:
    GpuTimer();  // needs a current context

    bool supported() const { return bool(query_); }
    void begin();
    void end();
    // Milliseconds between the last begin() and end(); waits for the GPU when `wait`, else empty
    // while the result is not ready yet.
    std::optional<double> ms(bool wait = true);

private:
    Query query_;
    bool pending_ = false;
    std::optional<double> last_;
};

}  // namespace primordial::gpu
