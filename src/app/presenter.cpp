#include "app/presenter.hpp"

#include <algorithm>

#include "app/presentation.hpp"
#include "gpu/display.hpp"

namespace primordial::app {

void Presenter::enter(const core::Params& base, PictureView& picture, Clock::time_point now) {
    base_ = base;
    drift_start_ = last_frame_ = now;
    offset_ = 0;
    paused_ = false;
    picture.engine().set_full_frames_only(true);
    active_ = true;
}

void Presenter::leave(PictureView& picture) {
    active_ = false;
    picture.engine().set_full_frames_only(false);
}

bool Presenter::handle_keys(const std::vector<KeyPress>& keys) {
    bool stay = true;
    for (const KeyPress& k : keys) {
        if (k.key == GLFW_KEY_ESCAPE || k.key == GLFW_KEY_P) stay = false;
        if (k.key == GLFW_KEY_SPACE) paused_ = !paused_;
        // Right and Left: on to the next network of the drift, or back.
        if (k.key == GLFW_KEY_RIGHT) offset_ += Autopilot{}.morph_seconds;
        if (k.key == GLFW_KEY_LEFT) offset_ -= Autopilot{}.morph_seconds;
    }
    return stay;
}

Wake Presenter::frame(PictureView& picture, int fb_w, int fb_h, double budget_ms,
                      Clock::time_point now) {
    if (paused_) drift_start_ += now - last_frame_;
    last_frame_ = now;
    gpu::ProgressiveEngine& engine = picture.engine();
    // Only when the picture on screen is finished does the next one start.
    if (!paused_ && (engine.status().done || !engine.has_image())) {
        const double seconds =
            std::max(0.0, std::chrono::duration<double>(now - drift_start_).count() + offset_);
        core::Params p = autopilot(base_, seconds);
        p.image_width = fb_w;
        p.image_height = fb_h;
        picture.show(p, budget_ms);
    }
    // Paused, nothing more is drawn: the picture on screen stays, and no picture begun before
    // the pause swaps in.
    if (!paused_) picture.step(budget_ms);
    gpu::clear_framebuffer(fb_w, fb_h);
    picture.present(0, 0, fb_w, fb_h);
    if (paused_) return Wake::on_event;
    return picture.threaded() ? Wake::soon : Wake::now;
}

}  // namespace primordial::app
