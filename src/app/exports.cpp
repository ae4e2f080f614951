#include "app/exports.hpp"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "app/paths.hpp"
#include "app/ui_style.hpp"
#include "core/io/video.hpp"
#include "gpu/gpu_row_renderer.hpp"

namespace primordial::app {

RowRendererFactory Exports::rows() {
    if (engine_ == gpu::EngineKind::cpu) return cpu_rows();
    if (!export_renderer_) export_renderer_ = std::make_unique<gpu::NetworkRenderer>();
    return [this](const core::Network& net, const core::Params& p, int w,
                  int h) -> std::unique_ptr<core::RowRenderer> {
        export_renderer_->set_network(net);
        export_renderer_->set_view(p.view);
        export_renderer_->set_colormap(p.colormap);
        return std::make_unique<gpu::GpuRowRenderer>(*export_renderer_, w, h);
    };
}

void Exports::start_picture(const ExplorerState& s) {
    if (job_) return;
    try {
        core::Params p = s.params;
        p.image_width = s.export_width ? s.export_width : s.params.image_width * 2;
        p.image_height = s.export_height ? s.export_height : s.params.image_height * 2;
        p.supersample = s.export_supersample;
        std::filesystem::create_directories(s.screenshot_dir);
        // "-export" keeps it apart from a screenshot taken while it renders.
        const auto shot =
            unique_screenshot_path(s.screenshot_dir, std::chrono::system_clock::now());
        job_ = std::make_unique<ExportJob>(
            p, shot.parent_path() / (shot.stem().string() + "-export.png"), s.export_bit_depth,
            rows());
    } catch (const std::exception& e) {
        notices_.warn(std::string("export not started: ") + e.what());
    }
}

void Exports::start_animation(const ExplorerState& s) {
    if (job_) return;
    try {
        const auto name =
            unique_screenshot_path(s.screenshot_dir, std::chrono::system_clock::now()).stem();
        const auto dir = s.screenshot_dir / (name.string() + "-frames");
        std::optional<std::filesystem::path> video;
        if (!s.animation_video.empty()) {
            if (!core::program_installed("ffmpeg"))
                throw std::runtime_error(
                    "a video needs the ffmpeg program (apt-get install ffmpeg)");
            video = s.screenshot_dir / (name.string() + s.animation_video);
        }
        job_ =
            std::make_unique<ExportJob>(s.params, s.animation, dir, video, s.animation_fps, rows());
    } catch (const std::exception& e) {
        notices_.warn(std::string("export not started: ") + e.what());
    }
}

void Exports::step(double budget_ms) {
    if (!job_) return;
    job_->step(budget_ms);
    const ImGuiIO& io = ImGui::GetIO();
    begin_fixed_window("Exporting", io.DisplaySize.x * 0.5f, io.DisplaySize.y - 60, 0.5f, 1.0f);
    ImGui::TextUnformatted(job_->status().c_str());
    ImGui::ProgressBar(static_cast<float>(job_->fraction()), ImVec2(25 * ImGui::GetFontSize(), 0));
    if (ImGui::Button("cancel")) job_->cancel();
    ImGui::End();
    if (!job_->ended()) return;
    outcome_ = job_->error().empty() ? "exported " + job_->output().string()
                                     : "export stopped: " + job_->error();
    job_->error().empty() ? notices_.tell(outcome_) : notices_.warn(outcome_);
    std::fprintf(stderr, "primordial: %s\n", notices_.current(Notices::Clock::now()).c_str());
    job_.reset();
}

void Exports::cancel() {
    if (job_) job_->cancel();
    job_.reset();
}

// Quitting while an export or animation is being written asks first; cancelling it leaves no
// file behind (the writer's file appears only when complete).
bool Exports::draw_quit_dialog(bool& open) {
    const ImGuiIO& io = ImGui::GetIO();
    // One window name for both questions: ImGui keeps its place, nothing jumps.
    begin_fixed_window("Quit?###quit", io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f, 0.5f,
                       0.5f);
    bool quit = false;
    if (job_) {
        ImGui::Text("%s is not finished (%.0f%%).", job_->output().filename().string().c_str(),
                    job_->fraction() * 100);
        ImGui::TextUnformatted("Quitting now cancels it and leaves no file.");
        if (ImGui::Button("keep exporting (Esc)")) open = false;
        ImGui::SameLine();
        if (ImGui::Button("cancel it and quit (Enter)")) quit = true;
    } else {  // it ended while the question was open: the question stays, and says so
        ImGui::TextUnformatted(outcome_.c_str());
        ImGui::TextUnformatted("Nothing is being written now.");
        if (ImGui::Button("stay (Esc)")) open = false;
        ImGui::SameLine();
        if (ImGui::Button("quit (Enter)")) quit = true;
    }
    ImGui::End();
    return quit;
}

}  // namespace primordial::app
