#include "app/export_job.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "core/eval/evaluate.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/io/video.hpp"

namespace primordial::app {
namespace fs = std::filesystem;

RowRendererFactory cpu_rows(int threads) {
    return [threads](const core::Network& net, const core::Params& p, int w, int h) {
        return core::cpu_rows(net, p.view, w, h, {threads, p.colormap});
    };
}

struct ExportJob::Unit {
    core::Params params;
    core::Network network;
    std::unique_ptr<core::RowRenderer> rows;  // averaged when supersampled
    std::unique_ptr<core::PngWriter> png;
    int row = 0;
};

ExportJob::ExportJob(core::Params p, fs::path file, int bit_depth, RowRendererFactory rows)
    : base_(std::move(p)), output_(std::move(file)), bit_depth_(bit_depth), rows_(std::move(rows)) {
    core::validate(base_);
    start_unit();
}

ExportJob::ExportJob(core::Params base, core::Animation a, fs::path dir,
                     std::optional<fs::path> video, int fps, RowRendererFactory rows)
    : base_(std::move(base)),
      anim_(a),
      output_(std::move(dir)),
      video_(std::move(video)),
      fps_(fps),
      rows_(std::move(rows)),
      frames_(a.frames) {
    core::validate(base_, a);
    made_folder_ = fs::create_directories(output_);
    start_unit();
}

ExportJob::~ExportJob() = default;

void ExportJob::start_unit() {
    auto u = std::make_unique<Unit>();
    u->params = anim_ ? core::frame_params(base_, *anim_, frame_) : base_;
    u->network = core::build_network(u->params.network);
    const int ss = u->params.supersample;
    u->rows = core::supersampled(
        rows_(u->network, u->params, u->params.image_width * ss, u->params.image_height * ss), ss);
    char name[32];
    std::snprintf(name, sizeof name, "frame-%05d.png", frame_);
    const fs::path file = anim_ ? output_ / name : output_;
    u->png = std::make_unique<core::PngWriter>(file, u->params.image_width, u->params.image_height,
                                               core::params_to_json(u->params), bit_depth_);
    unit_ = std::move(u);
}

bool ExportJob::step(double budget_ms) {
    if (ended_) return false;
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    try {
        while (!ended_) {
            Unit& u = *unit_;
            const int h = u.params.image_height, w = u.params.image_width;
            const double left =
                budget_ms - std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            if (left <= 0) break;
            // As many rows as fit what is left of the budget; one row at least.
            const int n = std::clamp(rows_per_ms_ > 0 ? static_cast<int>(rows_per_ms_ * left) : 1,
                                     1, h - u.row);
            const auto t0 = Clock::now();
            if (bit_depth_ == 16) {
                std::vector<std::uint16_t> band(static_cast<std::size_t>(w) * 3 * n);
                u.rows->render_rows16(u.row, u.row + n, band.data());
                u.png->write_rows(band.data(), n);
            } else {
                std::vector<std::uint8_t> band(static_cast<std::size_t>(w) * 3 * n);
                u.rows->render_rows(u.row, u.row + n, band.data());
                u.png->write_rows(band.data(), n);
            }
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            rows_per_ms_ = rows_per_ms_ > 0 ? 0.5 * rows_per_ms_ + 0.5 * n / std::max(ms, 1e-3)
                                            : n / std::max(ms, 1e-3);
            u.row += n;
            if (u.row < h) continue;
            u.png->finish();
            if (anim_) written_.push_back(u.png->path());
            if (anim_ && ++frame_ < frames_) {
                start_unit();
            } else {
                finish();
            }
        }
    } catch (const std::exception& e) {
        error_ = e.what();
        unit_.reset();  // the unfinished PNG is discarded
        ended_ = true;
    }
    return !ended_;
}

void ExportJob::finish() {
    unit_.reset();
    if (video_) core::encode_video(output_, *video_, fps_);
    ended_ = true;
}

void ExportJob::cancel() {
    if (ended_) return;
    unit_.reset();  // nothing appears for the picture in progress
    std::error_code ec;
    for (const fs::path& f : written_) fs::remove(f, ec);
    if (made_folder_) fs::remove(output_, ec);  // only when empty: nothing of the user's goes
    cancelled_ = ended_ = true;
    error_ = "cancelled";
}

double ExportJob::fraction() const {
    if (ended_) return cancelled_ || !error_.empty() ? 0.0 : 1.0;
    const double in_frame = unit_ ? double(unit_->row) / unit_->params.image_height : 0.0;
    return (frame_ + in_frame) / frames_;
}

std::string ExportJob::status() const {
    char buf[256];
    if (anim_)
        std::snprintf(buf, sizeof buf, "frame %d of %d into %s", std::min(frame_ + 1, frames_),
                      frames_, output_.string().c_str());
    else
        std::snprintf(buf, sizeof buf, "%s (%dx%d)", output_.string().c_str(), base_.image_width,
                      base_.image_height);
    return buf;
}

}  // namespace primordial::app
