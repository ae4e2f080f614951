// Progressive rendering for the explorer: after any change the picture is drawn coarse first
// (down to 1/32 resolution for heavy networks), in tiles sized from the measured throughput so
// each frame stays within its time budget, and the interface never waits on a frame. The screen
// shows the last finished level, never a half-drawn one; a change drops all stale work at once.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "gpu/engine.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/render_target.hpp"
#include "gpu/timer.hpp"

namespace primordial::gpu {

// The shader engine: tiles drawn by the fragment shader into one texture per level.
class ProgressiveRenderer final : public ProgressiveEngine {
public:
    explicit ProgressiveRenderer(NetworkRenderer& renderer);
    ~ProgressiveRenderer() override;
    ProgressiveRenderer(const ProgressiveRenderer&) = delete;
    ProgressiveRenderer& operator=(const ProgressiveRenderer&) = delete;

    // Starts again at the coarsest level that is worth it (the finest whose whole picture fits
    // one frame, never coarser than 1/32). The network is bound to the renderer at each step, so
    // many engines (a sheet's tiles) share one renderer.
    void restart(const PictureJob& job, double budget_ms) override;
    bool step(double budget_ms, int lowest_level = 0) override;
    void present(int x, int y, int w, int h) override;
    ProgressStatus status() const override;
    bool read_finished(std::vector<std::uint8_t>& rgb) const override;
    bool has_image() const override { return shown_ >= 0; }
    void set_full_frames_only(bool on) override { full_only_ = on; }
    int level_in_progress() const override { return current_; }
    std::string_view name() const override { return "gpu"; }

private:
    struct Level {
        RenderTarget target{RenderTarget::Colour::texture};
        int width = 0, height = 0;
        int next_x = 0, next_y = 0, row_height = 0;  // tiles advance in rows of tiles
        long long done_pixels = 0;
    };
    int tile_side(double budget_ms) const;
    void finish_level(int k);

    NetworkRenderer& renderer_;
    PictureJob job_;
    int width_ = 0, height_ = 0;
    long long mac_per_pixel_ = 1;
    std::array<Level, kCoarsest + 1> levels_{};
    RenderTarget display_{RenderTarget::Colour::texture};  // on screen: a finished level, scaled up
    int display_w_ = 0, display_h_ = 0;
    int start_ = 0;     // first level of the current job
    int current_ = -1;  // level in progress; -1 when done
    int shown_ = -1;    // level on display, -1 when none
    bool full_only_ = false;
    double job_ms_ = 0;  // time spent on level 0 of the current job
    std::chrono::steady_clock::time_point started_{};
    std::optional<double> first_ms_;
    std::uint64_t ticket_ = 0;  // the renderer's upload of job_'s network
    std::optional<double> full_ms_;
    // Measured cost of one pixel of the current network (smoothed). A new network shape scales it
    // by (multiply-adds + kOverhead): per-pixel overhead dominates tiny networks.
    double ms_per_pixel_ = 1e-3;
    static constexpr double kOverhead = 200;  // multiply-adds' worth of fixed cost per pixel
    const TexturePresenter& presenter_;
    std::unique_ptr<GpuTimer> timer_;
};

}  // namespace primordial::gpu
