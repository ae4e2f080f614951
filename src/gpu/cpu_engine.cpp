#include "gpu/cpu_engine.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>

#include "core/eval/evaluate.hpp"
#include "gpu/gl.hpp"

namespace primordial::gpu {
namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// Bands of about this much work: short enough that a change is taken up at once.
constexpr double kBandMs = 6.0;

}  // namespace

CpuWorkers::CpuWorkers(int threads) {
    const int n =
        threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    for (int i = 0; i < n; ++i) threads_.emplace_back([this](std::stop_token st) { run(st); });
}

CpuWorkers::~CpuWorkers() {
    for (auto& t : threads_) t.request_stop();
    ready_.notify_all();
    threads_.clear();  // joins
}

void CpuWorkers::submit(int level, std::function<void()> work) {
    {
        std::lock_guard lock(mutex_);
        queue_.push({level, next_++, std::move(work)});
    }
    ready_.notify_one();
}

void CpuWorkers::run(std::stop_token stop) {
    // Below the window's priority: the frame loop and the rasteriser's threads come first.
    setpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)), 10);
    while (true) {
        std::function<void()> work;
        {
            std::unique_lock lock(mutex_);
            if (!ready_.wait(lock, stop, [&] { return !queue_.empty(); })) return;
            work = std::move(const_cast<Item&>(queue_.top()).work);
            queue_.pop();
        }
        work();
    }
}

struct CpuEngine::Shared {
    std::atomic<std::uint64_t> generation{0};
    std::atomic<double> ms_per_pixel{-1};  // one thread's time per full-resolution pixel
    std::mutex mutex;
    struct Band {
        std::uint64_t generation;
        int level, row0, row1;
        std::vector<std::uint8_t> rgb;
    };
    std::vector<Band> done;
};

CpuEngine::CpuEngine(CpuWorkers& workers, const TexturePresenter& presenter)
    : workers_(workers), presenter_(presenter), shared_(std::make_shared<Shared>()) {}

CpuEngine::~CpuEngine() {
    ++shared_->generation;  // queued bands of this engine are skipped; running ones drop theirs
}

void CpuEngine::restart(const PictureJob& job, double budget_ms) {
    const std::uint64_t gen = ++shared_->generation;
    {
        std::lock_guard lock(shared_->mutex);
        shared_->done.clear();
    }
    width_ = job.width;
    height_ = job.height;
    mac_per_pixel_ = std::max(1LL, job.network->multiply_adds());
    started_ = Clock::now();
    first_ms_.reset();
    // About 5 GMAC/s a thread until the workers have measured this machine.
    double ms = shared_->ms_per_pixel.load();
    if (ms <= 0) ms = (double(mac_per_pixel_) + 200) / 5e6;
    const double per_frame = budget_ms * workers_.threads();  // thread-ms in one frame
    start_ = kCoarsest;
    for (int k = 0; k <= kCoarsest; ++k)
        if (double(core::level_size(width_, k)) * core::level_size(height_, k) * ms <= per_frame) {
            start_ = k;
            break;
        }
    const auto eval = job.evaluator
                          ? job.evaluator
                          : std::make_shared<const core::Evaluator>(*job.network, job.view);
    const core::ColorMap colormap = job.colormap;
    const int w = width_, h = height_;
    for (int k = 0; k <= kCoarsest; ++k) {
        Level& l = levels_[k];
        // start_, every other level down to a quarter's resolution, that one, then full
        // resolution: the levels before full cost about 8 % of it (level 1 alone would cost 25).
        l.wanted =
            k == 0 || k == start_ || (k <= start_ && k >= 2 && ((start_ - k) % 2 == 0 || k == 2));
        l.rows_done = 0;
        if (!l.wanted) continue;
        l.width = core::level_size(w, k);
        l.height = core::level_size(h, k);
        l.rgb.assign(static_cast<std::size_t>(l.width) * l.height * 3, 0);
        const int rows =
            std::clamp(static_cast<int>(kBandMs / (ms * (1 << (2 * k)) * l.width)), 1, l.height);
        for (int r0 = 0; r0 < l.height; r0 += rows) {
            const int r1 = std::min(l.height, r0 + rows);
            workers_.submit(
                k, [shared = shared_, eval, gen, k, r0, r1, w, h, lw = l.width, colormap] {
                    if (shared->generation.load() != gen) return;  // the picture changed: stale
                    const auto t0 = Clock::now();
                    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(lw) * (r1 - r0) * 3);
                    eval->render_rows(w, h, r0, r1, rgb.data(), {1, colormap, k});
                    // Measured per full-resolution pixel, smoothed, for the next picture's levels.
                    const double per_pixel = ms_since(t0) / (double(lw) * (r1 - r0));
                    const double old = shared->ms_per_pixel.load();
                    shared->ms_per_pixel.store(old > 0 ? 0.8 * old + 0.2 * per_pixel : per_pixel);
                    std::lock_guard lock(shared->mutex);
                    if (shared->generation.load() == gen)
                        shared->done.push_back({gen, k, r0, r1, std::move(rgb)});
                });
        }
    }
    // The screen keeps the previous picture until the first new level is finished.
}

bool CpuEngine::step(double, int lowest_level) {
    if (start_ < 0) return false;
    collect();
    return level_in_progress() >= std::max(0, lowest_level);
}

bool CpuEngine::collect() {
    if (start_ < 0) return false;
    const int shown_before = shown_;
    const std::uint64_t shown_gen_before = shown_gen_;
    std::vector<Shared::Band> bands;
    {
        std::lock_guard lock(shared_->mutex);
        bands.swap(shared_->done);
    }
    const std::uint64_t gen = shared_->generation.load();
    for (Shared::Band& b : bands) {
        if (b.generation != gen) continue;
        Level& l = levels_[b.level];
        std::copy(b.rgb.begin(), b.rgb.end(),
                  l.rgb.begin() + static_cast<std::ptrdiff_t>(b.row0) * l.width * 3);
        l.rows_done += b.row1 - b.row0;
        if (l.rows_done == l.height) show(b.level, gen);
    }
    return shown_ != shown_before || shown_gen_ != shown_gen_before;
}

int CpuEngine::level_in_progress() const {
    if (start_ < 0) return -1;
    for (int k = start_; k >= 0; --k)
        if (levels_[k].wanted && levels_[k].rows_done < levels_[k].height) return k;
    return -1;
}

void CpuEngine::show(int k, std::uint64_t gen) {
    if (k == 0) full_ms_ = ms_since(started_);
    if (!first_ms_) first_ms_ = ms_since(started_);
    // The finest finished level of this picture is shown; a coarser one finishing later is not.
    if (shown_gen_ == gen && shown_ >= 0 && k >= shown_) return;
    if (full_only_ && k != 0 && shown_ >= 0) return;  // presentation: only finished pictures
    // The level scaled up to the picture's size, nearest (a level pixel is the full-resolution
    // pixel at its top-left corner), rows bottom-up for GL.
    const Level& l = levels_[k];
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(width_) * height_ * 3);
    for (int y = 0; y < height_; ++y) {
        const std::uint8_t* src = l.rgb.data() + static_cast<std::size_t>(y >> k) * l.width * 3;
        std::uint8_t* dst = rgb.data() + static_cast<std::size_t>(height_ - 1 - y) * width_ * 3;
        if (k == 0) {
            std::copy_n(src, static_cast<std::size_t>(width_) * 3, dst);
            continue;
        }
        for (int x = 0; x < width_; ++x)
            std::copy_n(src + static_cast<std::size_t>(x >> k) * 3, 3, dst + x * 3);
    }
    if (!texture_) texture_ = Texture::create();
    glBindTexture(GL_TEXTURE_2D, texture_.get());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    if (width_ > tex_width_ || height_ > tex_height_) {
        tex_width_ = std::max(width_, tex_width_);
        tex_height_ = std::max(height_, tex_height_);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGB8, tex_width_, tex_height_, 0, GL_RGB,
                     GL_UNSIGNED_BYTE, nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    }
    glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, width_, height_, GL_RGB, GL_UNSIGNED_BYTE, rgb.data());
    shown_ = k;
    shown_gen_ = gen;
    shown_w_ = width_;
    shown_h_ = height_;
}

void CpuEngine::present(int x, int y, int w, int h) {
    if (shown_ < 0) return;
    presenter_.draw(texture_.get(), x, y, w, h, float(shown_w_) / float(tex_width_),
                    float(shown_h_) / float(tex_height_));
}

ProgressStatus CpuEngine::status() const {
    ProgressStatus s;
    const int current = level_in_progress();
    s.done = current < 0;
    s.level = s.done ? 0 : current;
    double total = 0, finished = 0;
    for (int k = 0; k <= kCoarsest; ++k)
        if (levels_[k].wanted && start_ >= 0) {
            total += double(levels_[k].width) * levels_[k].height;
            finished += double(levels_[k].width) * levels_[k].rows_done;
        }
    s.fraction = total > 0 ? finished / total : 0;
    s.full_ms = full_ms_;
    s.first_ms = first_ms_;
    const double ms = shared_->ms_per_pixel.load();
    s.mac_per_ms = ms > 0 ? double(mac_per_pixel_) * workers_.threads() / ms : 0;
    return s;
}

bool CpuEngine::read_finished(std::vector<std::uint8_t>& rgb) const {
    if (start_ < 0 || levels_[0].rows_done < levels_[0].height || levels_[0].height == 0)
        return false;
    rgb = levels_[0].rgb;
    return true;
}

}  // namespace primordial::gpu
