// The frame loop the explorer's window runs, and `primordial bench` runs too, so what the bench
// measures is what a person at the window feels. A frame says when the next one is needed: at
// once (the shader refines the picture within frames), soon (worker threads refine it: look
// back every kCheckBackMs and draw only when they finished something, or every kRedrawMs for the
// status line), or only on an event (nothing is changing).
#pragma once

#include <chrono>

#include "gpu/engine.hpp"

namespace primordial::app {

enum class Wake { now, soon, on_event };

// What the loop drives: a window, or the bench's offscreen target.
class FrameHost {
public:
    virtual ~FrameHost() = default;
    virtual bool done() const = 0;
    virtual void poll() = 0;                // takes in the events so far without waiting
    virtual bool wait(double seconds) = 0;  // waits at most that long; true when an event came
    virtual bool collect() = 0;             // what threads finished; true when the picture changed
    virtual Wake frame() = 0;               // one frame, drawn
};

void run_frames(FrameHost& host);

// Milliseconds of wall time since `t`: what frames and budgets are measured in.
inline double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// When the next frame is needed after one that drew `more` work still to do. `changed`: the
// frame changed what is shown (a new picture, an active widget); `threaded`: the remaining work
// happens on threads between frames; `waiting`: other work (statistics, a notice's timer) wants
// the loop to look back soon.
Wake next_wake(bool changed, bool more, bool threaded, bool waiting);

}  // namespace primordial::app
