#include "gpu/progressive.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include "gpu/gl.hpp"

namespace primordial::gpu {

namespace {
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}
}  // namespace

ProgressiveRenderer::ProgressiveRenderer(NetworkRenderer& renderer)
    : renderer_(renderer), presenter_(renderer.presenter()) {
    timer_ = std::make_unique<GpuTimer>();
}

ProgressiveRenderer::~ProgressiveRenderer() = default;

void ProgressiveRenderer::restart(const PictureJob& job, double budget_ms) {
    job_ = job;
    ticket_ = 0;
    started_ = Clock::now();
    first_ms_.reset();
    const int width = job.width, height = job.height;
    width_ = width;
    height_ = height;
    const long long mac_per_pixel = std::max(1LL, job.network ? job.network->multiply_adds() : 1LL);
    ms_per_pixel_ *= (double(mac_per_pixel) + kOverhead) / (double(mac_per_pixel_) + kOverhead);
    mac_per_pixel_ = mac_per_pixel;
    // Start at the finest level whose whole picture fits one frame's budget (a cheap network
    // appears at full resolution at once), but never coarser than 1/32.
    start_ = kCoarsest;
    for (int k = 0; k <= kCoarsest; ++k) {
        const double px =
            double(NetworkRenderer::level_size(width, k)) * NetworkRenderer::level_size(height, k);
        if (px * ms_per_pixel_ <= budget_ms) {
            start_ = k;
            break;
        }
    }
    for (int k = 0; k <= start_; ++k) {
        Level& l = levels_[k];
        l.width = NetworkRenderer::level_size(width, k);
        l.height = NetworkRenderer::level_size(height, k);
        // Grown with slack, so dragging a window edge does not reallocate every frame.
        l.target.reserve(l.width, l.height, RenderTarget::Growth::slack);
        l.next_x = l.next_y = l.row_height = 0;
        l.done_pixels = 0;
    }
    current_ = start_;
    job_ms_ = 0;
    // The display keeps the previous picture until the first new level is finished.
}

int ProgressiveRenderer::tile_side(double budget_ms) const {
    // Tiles of a quarter of a frame's budget: a frame ends within a tile of its budget.
    const double px = 0.25 * budget_ms / ms_per_pixel_;
    const int side = static_cast<int>(std::sqrt(std::max(px, 1.0)));
    return std::clamp(side, 1, 512);
}

void ProgressiveRenderer::finish_level(int k) {
    if (!first_ms_)
        first_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - started_).count();
    if (full_only_ && k != 0 && shown_ >= 0) {
        if (k == 0) full_ms_ = job_ms_;
        return;
    }
    const Level& l = levels_[k];
    display_.reserve(width_, height_, RenderTarget::Growth::slack);
    display_w_ = width_;
    display_h_ = height_;
    // Level k's pixel (i, j) is full-resolution pixel (i << k, j << k): scale by 2^k, nearest.
    glBindFramebuffer(GL_READ_FRAMEBUFFER, l.target.framebuffer());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, display_.framebuffer());
    glDisable(GL_SCISSOR_TEST);
    // Both are stored bottom-up; align their top rows (the level's top row holds image row 0).
    const int h_up = l.height << k;
    glBlitFramebuffer(0, 0, l.width, l.height, 0, height_ - h_up, l.width << k, height_,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    shown_ = k;
    if (k == 0) full_ms_ = job_ms_;
}

bool ProgressiveRenderer::step(double budget_ms, int lowest_level) {
    if (current_ < 0 || !job_.network || width_ <= 0) return false;
    if (!renderer_.use_uploaded(ticket_)) {  // the job's network is the same until restart
        renderer_.set_network(*job_.network);
        ticket_ = renderer_.ticket();
    }
    renderer_.set_view(job_.view);
    renderer_.set_colormap(job_.colormap);
    const auto start = Clock::now();
    const int side = tile_side(budget_ms);
    while (current_ >= std::max(0, lowest_level)) {
        Level& l = levels_[current_];
        // A row of tiles keeps the height it started with, so rows never leave gaps.
        if (l.next_x == 0) l.row_height = std::min(side, l.height - l.next_y);
        Tile t{l.next_x, l.next_y, std::min(side, l.width - l.next_x), l.row_height};
        const auto t0 = Clock::now();
        l.target.bind();
        if (timer_->supported()) timer_->begin();
        // Texture rows grow upwards: the tile whose top is image row y sits at height - y - h.
        renderer_.draw(width_, height_, t, current_, t.x, l.height - t.y - t.height);
        // Waiting for the tile keeps the budget honest: it counts finished work.
        std::optional<double> gpu_ms;
        if (timer_->supported()) {
            timer_->end();
            gpu_ms = timer_->ms(true);
        } else {
            glFinish();
        }
        const double ms = gpu_ms.value_or(ms_since(t0));
        if (current_ == 0) job_ms_ += ms;
        const double pixels = double(t.width) * t.height;
        if (ms > 0.05) ms_per_pixel_ = 0.6 * ms_per_pixel_ + 0.4 * ms / pixels;
        l.done_pixels += static_cast<long long>(pixels);
        l.next_x += t.width;
        if (l.next_x >= l.width) {
            l.next_x = 0;
            l.next_y += l.row_height;
        }
        if (l.next_y >= l.height) {
            finish_level(current_);
            --current_;
        }
        // Stop when the next tile would not fit what is left of the budget.
        const double spent = ms_since(start);
        if (spent + side * double(side) * ms_per_pixel_ > budget_ms) break;
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    return current_ >= 0;
}

void ProgressiveRenderer::present(int x, int y, int w, int h) {
    if (shown_ < 0) return;
    // The display may be larger than the picture it holds (it only grows).
    presenter_.draw(display_.texture(), x, y, w, h, float(display_w_) / float(display_.width()),
                    float(display_h_) / float(display_.height()));
}

bool ProgressiveRenderer::read_finished(std::vector<std::uint8_t>& rgb) const {
    if (current_ >= 0 || shown_ != 0) return false;
    rgb.resize(static_cast<std::size_t>(width_) * height_ * 3);
    levels_[0].target.read_rgb(0, 0, width_, height_, rgb.data());
    return true;
}

ProgressStatus ProgressiveRenderer::status() const {
    ProgressStatus s;
    s.done = current_ < 0;
    s.level = s.done ? 0 : current_;
    double total = 0, finished = 0;
    for (int k = 0; k <= start_; ++k) {
        const Level& l = levels_[k];
        total += double(l.width) * l.height;
        finished += double(l.done_pixels);
    }
    s.fraction = total > 0 ? finished / total : 0;
    s.full_ms = full_ms_;
    s.first_ms = first_ms_;
    s.mac_per_ms = double(mac_per_pixel_) / ms_per_pixel_;
    return s;
}

}  // namespace primordial::gpu
