// The CPU engine: the CPU evaluator on worker threads fills the same coarse-to-fine levels as the
// shader engine, band by band, and the frame loop only collects finished bands and uploads a
// finished level as a texture, so a frame never waits on the evaluator. A change drops all stale
// work at once (bands of an old picture are skipped, or discarded when they come back). The full
// level is computed exactly as `primordial render --backend cpu` computes the picture.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <queue>
#include <thread>
#include <vector>

#include "gpu/engine.hpp"
#include "gpu/gl_handle.hpp"
#include "gpu/texture_presenter.hpp"

namespace primordial::gpu {

// Threads shared by every CPU engine of a window (a sheet's tiles too). Coarser levels go first,
// then first come, first served, so every tile of a sheet appears coarse before any sharpens.
// The threads run at a lower priority than the window's, so the frame loop (and a software
// rasteriser's own threads) stay responsive while they use every core.
class CpuWorkers {
public:
    explicit CpuWorkers(int threads = 0);  // 0: one per hardware thread
    ~CpuWorkers();
    CpuWorkers(const CpuWorkers&) = delete;
    CpuWorkers& operator=(const CpuWorkers&) = delete;

    // `level` orders the work: higher (coarser) first.
    void submit(int level, std::function<void()> work);
    int threads() const { return static_cast<int>(threads_.size()); }

private:
    struct Item {
        int level;
        std::uint64_t order;
        std::function<void()> work;
        bool operator<(const Item& o) const {  // priority_queue pops the largest
            return level != o.level ? level < o.level : order > o.order;
        }
    };
    void run(std::stop_token stop);

    std::mutex mutex_;
    std::condition_variable_any ready_;
    std::priority_queue<Item> queue_;
    std::uint64_t next_ = 0;
    std::vector<std::jthread> threads_;
};

class CpuEngine final : public ProgressiveEngine {
public:
    CpuEngine(CpuWorkers& workers, const TexturePresenter& presenter);
    ~CpuEngine() override;
    CpuEngine(const CpuEngine&) = delete;
    CpuEngine& operator=(const CpuEngine&) = delete;

    // Levels from the finest whose picture the workers finish within about one frame, then every
    // other level down to a quarter's resolution (each costs a sixteenth of the next), then full
    // resolution: the picture appears at once and is full about 8 % later than a plain render.
    void restart(const PictureJob& job, double budget_ms) override;
    bool step(double budget_ms, int lowest_level = 0) override;
    bool collect() override;
    bool works_between_frames() const override { return true; }
    void present(int x, int y, int w, int h) override;
    ProgressStatus status() const override;
    bool read_finished(std::vector<std::uint8_t>& rgb) const override;
    bool has_image() const override { return shown_ >= 0; }
    void set_full_frames_only(bool on) override { full_only_ = on; }
    int level_in_progress() const override;
    std::string_view name() const override { return "cpu"; }

private:
    struct Shared;  // what the workers and the engine both touch
    struct Level {
        int width = 0, height = 0;
        std::vector<std::uint8_t> rgb;  // top-down rows, as the evaluator writes them
        int rows_done = 0;
        bool wanted = false;
    };
    void show(int level, std::uint64_t generation);

    CpuWorkers& workers_;
    const TexturePresenter& presenter_;
    std::shared_ptr<Shared> shared_;
    Level levels_[kCoarsest + 1];
    int width_ = 0, height_ = 0, start_ = -1;
    int shown_ = -1;  // the level on screen
    std::uint64_t shown_gen_ = 0;
    int shown_w_ = 0, shown_h_ = 0;
    bool full_only_ = false;
    long long mac_per_pixel_ = 1;
    std::chrono::steady_clock::time_point started_{};
    std::optional<double> full_ms_, first_ms_;
    Texture texture_;  // the level shown, scaled up, rows bottom-up
    int tex_width_ = 0, tex_height_ = 0;
};

}  // namespace primordial::gpu
