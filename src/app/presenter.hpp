// Presentation mode in the window: the whole screen, no panel or cursor, the autopilot
// (presentation.hpp) drifting from the picture it started on; a new picture replaces the old
// only when it is finished at full resolution. Space pauses, Right and Left move along the drift,
// Esc or P leave. The window's mode is the explorer's business; this drives the picture.
#pragma once

#include <chrono>
#include <vector>

#include "app/frame_loop.hpp"
#include "app/picture_view.hpp"
#include "app/window.hpp"
#include "core/net/params.hpp"

namespace primordial::app {

class Presenter {
public:
    using Clock = std::chrono::steady_clock;
    bool active() const { return active_; }
    void enter(const core::Params& base, PictureView& picture, Clock::time_point now);
    void leave(PictureView& picture);
    // Takes the keys meant for presentation mode; false when one asked to leave.
    bool handle_keys(const std::vector<KeyPress>& keys);
    // One frame into a framebuffer of fb_w x fb_h.
    Wake frame(PictureView& picture, int fb_w, int fb_h, double budget_ms, Clock::time_point now);

private:
    bool active_ = false, paused_ = false;
    core::Params base_;
    Clock::time_point drift_start_{}, last_frame_{};
    double offset_ = 0;  // seconds skipped forward or back along the drift
};

}  // namespace primordial::app
