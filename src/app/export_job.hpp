// Long work started from the window: a picture at any size (supersampled, 8 or 16 bits) or an
// animation's frames (and its video). Each frame of the interface renders a few rows within its
// budget, so the window stays live and shows progress; cancelling leaves no file behind (PNGs
// are written atomically). No window code: tested headless.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/eval/row_renderer.hpp"
#include "core/net/animation.hpp"

namespace primordial::app {

// Makes the renderer of a picture of `p` at width x height (the CPU evaluator, or the GPU).
using RowRendererFactory = std::function<std::unique_ptr<core::RowRenderer>(
    const core::Network& net, const core::Params& p, int width, int height)>;
RowRendererFactory cpu_rows(int threads = 0);

class ExportJob {
public:
    // One picture.
    ExportJob(core::Params p, std::filesystem::path file, int bit_depth, RowRendererFactory rows);
    // An animation's frames into `dir` (frame-00000.png, ...), then the video when given.
    ExportJob(core::Params base, core::Animation a, std::filesystem::path dir,
              std::optional<std::filesystem::path> video, int fps, RowRendererFactory rows);
    ~ExportJob();
    ExportJob(const ExportJob&) = delete;
    ExportJob& operator=(const ExportJob&) = delete;

    // Renders until `budget_ms` is spent. Returns false once the job has ended.
    bool step(double budget_ms);
    // Stops and leaves no file: the picture in progress never appears, an animation's finished
    // frames are removed, and so is the frames' folder when this job made it.
    void cancel();
    bool ended() const { return ended_; }
    double fraction() const;
    std::string status() const;                          // for the progress line
    const std::string& error() const { return error_; }  // why it failed, "" otherwise
    const std::filesystem::path& output() const { return output_; }

private:
    struct Unit;  // one PNG in progress
    void start_unit();
    void finish();

    core::Params base_;
    std::optional<core::Animation> anim_;
    std::filesystem::path output_;  // the picture, or the frames' folder
    std::optional<std::filesystem::path> video_;
    int fps_ = 30, bit_depth_ = 8;
    RowRendererFactory rows_;
    std::unique_ptr<Unit> unit_;
    int frame_ = 0, frames_ = 1;
    double rows_per_ms_ = 0;  // measured, to size each step's band
    bool ended_ = false, cancelled_ = false;
    bool made_folder_ = false;
    std::vector<std::filesystem::path> written_;  // an animation's finished frames
    std::string error_;
};

}  // namespace primordial::app
