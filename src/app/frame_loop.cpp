#include "app/frame_loop.hpp"

namespace primordial::app {

void run_frames(FrameHost& host) {
    using Clock = std::chrono::steady_clock;
    Wake wake = Wake::now;
    auto drawn = Clock::now();
    while (!host.done()) {
        switch (wake) {
            case Wake::now:
                host.poll();
                break;
            case Wake::soon: {
                // Threads at work and nothing else happening: a frame (which on a software
                // rasteriser takes cores from them) only when they finished something, and a
                // few times a second for the status line.
                const bool event = host.wait(gpu::kCheckBackMs / 1000.0);
                if (!event && !host.collect() && ms_since(drawn) < gpu::kRedrawMs) continue;
                break;
            }
            case Wake::on_event:
                host.wait(0.5);
                break;
        }
        wake = host.frame();
        drawn = Clock::now();
    }
}

Wake next_wake(bool changed, bool more, bool threaded, bool waiting) {
    if (changed || (more && !threaded)) return Wake::now;
    if (more || waiting) return Wake::soon;
    return Wake::on_event;
}

}  // namespace primordial::app
