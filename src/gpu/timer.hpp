// GPU time of a stretch of GL commands (GL_TIME_ELAPSED), for reporting milliseconds. Queries are
// read back without stalling when possible; where timer queries are missing, ms() is empty.
#pragma once

#include <optional>

namespace primordial::gpu {

class GpuTimer {
public:
    GpuTimer();  // needs a current context
    ~GpuTimer();
    GpuTimer(const GpuTimer&) = delete;
    GpuTimer& operator=(const GpuTimer&) = delete;

    bool supported() const { return query_ != 0; }
    void begin();
    void end();
    // Milliseconds between the last begin() and end(); waits for the GPU when `wait`, else empty
    // while the result is not ready yet.
    std::optional<double> ms(bool wait = true);

private:
    unsigned query_ = 0;
    bool pending_ = false;
    std::optional<double> last_;
};

}  // namespace primordial::gpu
