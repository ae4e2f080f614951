#include "app/picture_view.hpp"

#include <algorithm>
#include <cmath>

#include "app/export_job.hpp"
#include "app/status.hpp"
#include "core/eval/view.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/net/animation.hpp"
#include "gpu/gpu_row_renderer.hpp"

namespace primordial::app {

PictureView::PictureView(gpu::NetworkRenderer& renderer, gpu::EngineFactory make_engine)
    : renderer_(renderer) {
    set_engine_factory(std::move(make_engine));
}

void PictureView::set_engine_factory(gpu::EngineFactory make_engine) {
    make_engine_ = std::move(make_engine);
    engine_ = make_engine_();
    network_.reset();  // the next update starts the picture again on the new engine
}

void PictureView::update(ExplorerState& s, double budget_ms, std::string& message) {
    if (!s.animation_preview) return show(s.params, budget_ms);
    try {
        core::validate(s.params, s.animation);
    } catch (const core::InputError& e) {
        message = std::string("no preview: ") + e.what();
        s.animation_preview = false;
        return show(s.params, budget_ms);
    }
    if (engine_->status().done) preview_frame_ = (preview_frame_ + 1) % s.animation.frames;
    preview_frame_ = std::min(preview_frame_, s.animation.frames - 1);
    show(core::frame_params(s.params, s.animation, preview_frame_), budget_ms);
}

void PictureView::show(const core::Params& p, double budget_ms) {
    const bool first = !network_;
    if (first || !(p.network == built_for_)) {
        built_for_ = p.network;
        network_ = core::build_network(built_for_);
    }
    renderer_.set_cache_bytes(0);  // a sheet's networks are of no more use
    if (first || !(p == shown_)) {
        shown_ = p;
        engine_->restart({&*network_, p.view, p.colormap, p.image_width, p.image_height, nullptr},
                         budget_ms);
    }
}

void PictureView::handle_mouse(ExplorerState& s, const Pointer& p) const {
    if (!p.over) return;
    const int w = s.params.image_width, h = s.params.image_height;
    core::ViewParams& v = s.params.view;
    if (p.wheel != 0) v = core::zoom_about(v, w, h, p.x, p.y, std::pow(kWheelBase, p.wheel));
    if (p.double_clicked)
        v = core::recenter(v, w, h, p.x, p.y);
    else if (p.held)
        v = core::pan_pixels(v, w, h, p.dx, p.dy);
    v.extent = std::clamp(v.extent, core::Limits::min_extent, core::Limits::max_extent);
}

std::string PictureView::status_text() const {
    return picture_status(engine_->status(), network_ ? network_->multiply_adds() : 0,
                          shown_.image_width, shown_.image_height);
}

void PictureView::save(const core::Params& shot, const std::filesystem::path& path, bool on_cpu) {
    std::vector<std::uint8_t> rgb;
    std::unique_ptr<core::RowRenderer> rows;
    std::optional<core::Network> other;  // when the shot's network is not the one on screen
    if (!network_ || !(shot.network == built_for_)) other = core::build_network(shot.network);
    const core::Network& net = other ? *other : *network_;
    if (shot == shown_ && engine_->read_finished(rgb)) {
        rows = std::make_unique<core::ImageRowRenderer>(rgb.data(), shot.image_width,
                                                        shot.image_height);
    } else if (on_cpu) {
        rows =
            core::cpu_rows(net, shot.view, shot.image_width, shot.image_height, {0, shot.colormap});
    } else {
        renderer_.set_network(net);
        renderer_.set_view(shot.view);
        renderer_.set_colormap(shot.colormap);
        rows =
            std::make_unique<gpu::GpuRowRenderer>(renderer_, shot.image_width, shot.image_height);
    }
    core::write_png(*rows, path, core::params_to_json(shot));
}

}  // namespace primordial::app
