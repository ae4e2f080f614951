// Progressive rendering for the explorer: after any change the picture is drawn coarse first
// (down to 1/32 resolution for heavy networks), in tiles sized from the measured throughput so
// each frame stays within its time budget, and the interface never waits on a frame. The screen
// shows the last finished level, never a half-drawn one; a change drops all stale work at once.
#pragma once

#include <array>
#include <memory>
#include <cstdint>
#include <optional>
#include <vector>

#include "gpu/network_renderer.hpp"
#include "gpu/program.hpp"
#include "gpu/timer.hpp"

namespace primordial::gpu {

struct ProgressStatus {
    int level = 0;        // level being rendered (0 = full resolution)
    double fraction = 0;  // of the whole job (all levels from the first)
    bool done = false;
    std::optional<double> full_ms;  // GPU time of the last finished full-resolution frame
    double mac_per_ms = 0;          // measured throughput, multiply-adds per millisecond
};

class ProgressiveRenderer {
public:
    static constexpr int kCoarsest = 5;  // 1/32 resolution

    explicit ProgressiveRenderer(NetworkRenderer& renderer);
    ~ProgressiveRenderer();
    ProgressiveRenderer(const ProgressiveRenderer&) = delete;
    ProgressiveRenderer& operator=(const ProgressiveRenderer&) = delete;

    // A new picture of width x height pixels for a network of `mac_per_pixel` multiply-adds:
    // starts again at the coarsest level that is worth it.
    void restart(int width, int height, long long mac_per_pixel, double budget_ms);
    // Renders tiles until `budget_ms` of wall time is spent, or (with `lowest_level` > 0) until
    // every level down to `lowest_level` is finished. Returns true while work remains.
    bool step(double budget_ms, int lowest_level = 0);
    // Draws the last finished picture into the viewport (x, y, w, h) of the bound framebuffer.
    void present(int x, int y, int w, int h);
    ProgressStatus status() const;
    // The finished full-resolution picture as RGB rows (row 0 at the top), when there is one.
    bool read_finished(std::vector<std::uint8_t>& rgb) const;
    bool has_image() const { return shown_ >= 0; }
    // Presentation: once a picture is on screen, only finished full-resolution pictures replace
    // it (coarse levels are still drawn, off screen).
    void set_full_frames_only(bool on) { full_only_ = on; }
    int level_in_progress() const { return current_; }  // -1 when done

private:
    struct Target {
        unsigned fbo = 0, texture = 0;
        int tex_width = 0, tex_height = 0;
        void ensure(int w, int h);
        void release();
    };
    struct Level {
        Target target;
        int width = 0, height = 0;
        int next_x = 0, next_y = 0, row_height = 0;  // tiles advance in rows of tiles
        long long done_pixels = 0;
    };
    int tile_side(double budget_ms) const;
    void finish_level(int k);

    NetworkRenderer& renderer_;
    int width_ = 0, height_ = 0;
    long long mac_per_pixel_ = 1;
    std::array<Level, kCoarsest + 1> levels_{};
    Target display_;  // the picture on screen: a finished level, scaled up
    int display_w_ = 0, display_h_ = 0;
    int start_ = 0;    // first level of the current job
    int current_ = -1;  // level in progress; -1 when done
    int shown_ = -1;    // level on display, -1 when none
    bool full_only_ = false;
    double job_ms_ = 0;  // time spent on level 0 of the current job
    std::optional<double> full_ms_;
    // Measured cost of one pixel of the current network (smoothed). A new network shape scales it
    // by (multiply-adds + kOverhead): per-pixel overhead dominates tiny networks.
    double ms_per_pixel_ = 1e-3;
    static constexpr double kOverhead = 200;  // multiply-adds' worth of fixed cost per pixel
    std::unique_ptr<Program> present_;
    unsigned vao_ = 0;
    std::unique_ptr<GpuTimer> timer_;
};

}  // namespace primordial::gpu
