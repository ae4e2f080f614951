#include "app/sheet_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/io/preset.hpp"
#include "gpu/gpu_row_renderer.hpp"
#include "plot/sheet_image.hpp"

namespace primordial::app {
namespace {

constexpr float kSmallestLabel = 0.8f;  // of the font's size

// The size a caption is set at: the font's, or down to kSmallestLabel of it to fit `room`.
float fitted_size(const std::string& label, float room, float font) {
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    return w <= room ? font : std::max(font * kSmallestLabel, font * room / w);
}

// The caption as it fits in `room` at fitted_size(): whole, or cut with an ellipsis; "" when not
// even a few characters fit.
std::string fitted_label(const std::string& label, float room, float font) {
    const float scale = fitted_size(label, room, font) / font;
    const auto width = [&](const std::string& s) {
        return ImGui::CalcTextSize(s.c_str()).x * scale;
    };
    if (width(label) <= room) return label;
    std::string cut = label;
    while (cut.size() > 3) {
        cut.pop_back();
        while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0) == 0x80)
            cut.pop_back();
        if (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0x80)) cut.pop_back();
        if (width(cut + "…") <= room) return cut + "…";
    }
    return "";
}

bool same_but_camera(core::ViewSpec a, core::ViewSpec b) {
    a.camera = b.camera;
    return a == b;
}

}  // namespace

void SheetView::replot(int tile) {
    const core::SheetTile& t = sheet_->tiles[static_cast<std::size_t>(tile)];
    // A second or more at full size: off the frame loop.
    if (t.content == core::TileContent::regions || t.content == core::TileContent::detail) {
        pending_.push_back(
            {tile, std::async(std::launch::async, [t] { return plot::plot_tile(t); })});
        return;
    }
    tiles_.set_plot(tile, plot::plot_tile(t));
}

void SheetView::collect_plots() {
    std::erase_if(pending_, [&](PendingPlot& p) {
        if (p.rgb.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
        tiles_.set_plot(p.tile, p.rgb.get());
        return true;
    });
}

void SheetView::update(ExplorerState& s, double budget_ms, std::string& message) {
    // The phase diagram holds its sweeps still while the network moves about in it.
    if (s.view.kind == core::ViewKind::phase &&
        (s.view.columns.param != core::SweepParam::scale || !s.view.rows ||
         s.view.rows->param != core::SweepParam::bias_scale) &&
        core::view_unavailable(s.params, core::ViewKind::phase).empty())
        s.view = core::phase_view(s.params);
    collect_plots();
    const auto ready = [&](std::chrono::duration<double, std::milli> wait) {
        return layout_.valid() && layout_.wait_for(wait) == std::future_status::ready;
    };
    const auto for_state = [&] { return s.params == layout_params_ && s.view == layout_spec_; };
    if (ready(std::chrono::milliseconds(0)) && !for_state()) {
        try {  // laid out for a state since left (a slider still moving): nearer than the last
            install(layout_.get(), budget_ms);
        } catch (const core::InputError&) {
        }
    }
    if (current(s)) return;
    if (sheet_ && s.params == params_ && same_but_camera(s.view, spec_)) {
        // Turning the height map redraws only the surface.
        spec_ = s.view;
        for (std::size_t i = 0; i < sheet_->tiles.size(); ++i)
            if (sheet_->tiles[i].content == core::TileContent::surface) {
                sheet_->tiles[i].camera = s.view.camera;
                replot(static_cast<int>(i));
            }
        return;
    }
    const bool launch = !layout_.valid();
    if (launch) {
        layout_params_ = s.params;
        layout_spec_ = s.view;
        layout_ = std::async(std::launch::async, [p = s.params, v = s.view] {
            Layout l{core::build_sheet(p, v, p.image_width, p.image_height), {}};
            for (const core::SheetTile& t : l.sheet.tiles)
                l.evaluators.push_back(
                    t.content == core::TileContent::picture
                        ? std::make_shared<const core::Evaluator>(t.network, t.params.view)
                        : nullptr);
            return l;
        });
    }
    // One layout at a time: a change made meanwhile is laid out when this one is done. A small
    // sheet is ready within the frame that asked for it; a large one shows when it is.
    const double wait_ms = launch ? budget_ms / 3 : 0;
    if (!for_state() || !ready(std::chrono::duration<double, std::milli>(wait_ms))) return;
    try {
        install(layout_.get(), budget_ms);
    } catch (const core::InputError& e) {
        message = std::string("not shown: ") + e.what();
        s.view.kind = core::ViewKind::picture;
        sheet_.reset();
    }
}

void SheetView::install(Layout layout, double budget_ms) {
    sheet_ = std::move(layout.sheet);
    params_ = layout_params_;
    spec_ = layout_spec_;
    hovered_ = dragged_ = -1;
    for (PendingPlot& p : pending_) p.rgb.wait();  // a plot of the old sheet is of no more use
    pending_.clear();
    // The old evaluators go with the last band that uses them, on a worker.
    tiles_.set_sheet(*sheet_, budget_ms, layout.evaluators);
    for (std::size_t i = 0; i < sheet_->tiles.size(); ++i)
        if (sheet_->tiles[i].content != core::TileContent::picture) replot(static_cast<int>(i));
}

void SheetView::handle_mouse(ExplorerState& s, const Pointer& p) {
    if (!sheet_ || !p.over) return;
    const double px = p.x, py = p.y, wheel = p.wheel;
    const bool dragging = p.dragging, clicked = p.clicked;
    const double drag_x = dragging ? p.dx : 0.0, drag_y = dragging ? p.dy : 0.0;
    hovered_ = sheet_->tile_at(px, py);
    if (!dragging)
        dragged_ = -1;
    else if (dragged_ < 0)
        dragged_ = sheet_->tile_at(px - drag_x, py - drag_y);
    if (dragged_ >= 0 && (drag_x != 0 || drag_y != 0)) {
        const core::SheetTile& t = sheet_->tiles[static_cast<std::size_t>(dragged_)];
        if (t.content == core::TileContent::surface)
            orbit(s, drag_x, drag_y);
        else if (t.content == core::TileContent::picture)
            pan_tile(s, t, drag_x, drag_y);
    }
    if (hovered_ < 0) return;
    const core::SheetTile& t = sheet_->tiles[static_cast<std::size_t>(hovered_)];
    if (wheel != 0 && t.content == core::TileContent::picture)
        zoom_tile(s, t, px - t.rect.x, py - t.rect.y, std::pow(kWheelBase, wheel));
    else if (wheel != 0)  // plots zoom about the view centre
        s.params.view.extent = std::clamp(s.params.view.extent / std::pow(kWheelBase, wheel),
                                          core::Limits::min_extent, core::Limits::max_extent);
    if (clicked && p.shift)
        cross_tile(s, *sheet_, hovered_);
    else if (clicked)
        click_tile(s, *sheet_, hovered_);
}

std::string SheetView::hovered_label() const {
    if (!sheet_ || hovered_ < 0 || hovered_ >= static_cast<int>(sheet_->tiles.size())) return "";
    const core::SheetTile& t = sheet_->tiles[static_cast<std::size_t>(hovered_)];
    std::string hint;
    if (spec_.kind == core::ViewKind::grid && t.content == core::TileContent::picture)
        hint = "  (click: open it)";
    else if (spec_.kind == core::ViewKind::progression && !t.main)
        hint = "  (click: set this depth)";
    else if (spec_.kind == core::ViewKind::breed && t.ancestor)
        hint = "  (click: back to it)";
    else if (spec_.kind == core::ViewKind::breed && !t.main)
        hint = "  (click: breed from it; Shift+click: cross it with the parent)";
    else if (t.content == core::TileContent::surface)
        hint = "  (drag: turn it)";
    return t.label + hint;
}

void SheetView::draw_labels(float x, float to_window_x, float to_window_y) const {
    if (!sheet_) return;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const float pad = 3.0f, font = ImGui::GetFontSize();
    for (const core::SheetTile& t : sheet_->tiles) {
        if (t.label.empty() || t.content == core::TileContent::arrow ||
            t.content == core::TileContent::regions)
            continue;  // an arrow says nothing; the region map writes its own count
        const float left = x + t.rect.x * to_window_x, top = t.rect.y * to_window_y;
        const float w = t.rect.w * to_window_x, h = t.rect.h * to_window_y;
        // A caption too wide for its tile is set smaller, then shortened: every tile says what
        // it is (issue 23: a grid's last column, "depth 10", went without).
        const std::string text = fitted_label(t.label, w - 4 * pad, font);
        const float size_px = fitted_size(t.label, w - 4 * pad, font);
        // A small tile keeps its picture clear: its name is in the tooltip.
        if (text.empty() || size_px + 2 * pad > h * 0.3f) continue;
        const float scale = size_px / font;
        const ImVec2 size(ImGui::CalcTextSize(text.c_str()).x * scale, size_px);
        const ImVec2 a(left + pad, top + h - size.y - 3 * pad),
            b(a.x + size.x + 2 * pad, a.y + size.y + 2 * pad);
        draw->AddRectFilled(a, b, IM_COL32(0, 0, 0, 150), 3.0f);
        draw->AddText(ImGui::GetFont(), size_px, ImVec2(a.x + pad, a.y + pad),
                      IM_COL32(255, 255, 255, 235), text.c_str());
    }
}

void SheetView::draw_overlay(float x, float to_window_x, float to_window_y) const {
    if (!sheet_ || sheet_->overlay.empty()) return;
    ImDrawList* draw = ImGui::GetBackgroundDrawList();
    const auto at = [&](const std::array<double, 2>& p) {
        return ImVec2(x + static_cast<float>(p[0]) * to_window_x,
                      static_cast<float>(p[1]) * to_window_y);
    };
    for (const auto& line : sheet_->overlay.lines) {
        std::vector<ImVec2> points;
        for (const auto& p : line) points.push_back(at(p));
        draw->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(0, 0, 0, 150), 0,
                          5.0f);
        draw->AddPolyline(points.data(), static_cast<int>(points.size()),
                          IM_COL32(255, 255, 255, 240), 0, 2.0f);
    }
    if (const auto& m = sheet_->overlay.marker) {
        draw->AddCircleFilled(at(*m), 7.0f, IM_COL32(0, 0, 0, 255));
        draw->AddCircleFilled(at(*m), 5.0f, IM_COL32(255, 217, 26, 255));
    }
}

std::string SheetView::status_text() const {
    if (!sheet_) return "";
    const gpu::ProgressStatus st = tiles_.status();
    char progress[32] = "laying out the new one";  // the share drawn is the old sheet's
    if (!layout_.valid())
        std::snprintf(progress, sizeof progress, "%s %3.0f%%",
                      plotting() ? "drawing"
                      : st.done  ? "done"
                                 : "refining",
                      st.fraction * 100);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s  |  %zu tile%s  |  %s",
                  std::string(core::to_string(spec_.kind)).c_str(), sheet_->tiles.size(),
                  sheet_->tiles.size() == 1 ? "" : "s", progress);
    return buf;
}

void SheetView::save(const ExplorerState& s, const std::filesystem::path& path, bool on_cpu,
                     int width, int height) {
    if (!sheet_) throw std::runtime_error("no view to save");
    core::Params params = s.params;
    std::optional<core::Sheet> resized;
    if (width > 0 && height > 0) {
        params.image_width = width;
        params.image_height = height;
    }
    if ((width > 0 && height > 0) || !current(s))  // a layout still in progress: this one now
        resized = core::build_sheet(params, s.view, params.image_width, params.image_height);
    const core::Sheet& sheet = resized ? *resized : *sheet_;
    plot::PictureRenderer pictures;
    if (!on_cpu)  // the shader engine draws the screen: the export too
        pictures = [this](const core::SheetTile& t) -> std::unique_ptr<core::RowRenderer> {
            renderer_.set_network(t.network);
            renderer_.set_view(t.params.view);
            renderer_.set_colormap(t.colormap);
            return std::make_unique<gpu::GpuRowRenderer>(renderer_, t.rect.w, t.rect.h);
        };
    const auto rgb = plot::render_sheet(sheet, pictures);
    core::ImageRowRenderer rows(rgb.data(), sheet.width, sheet.height);
    core::write_png(rows, path, core::params_to_json(params), {}, 64, 8,
                    core::view_to_json(s.view));
}

}  // namespace primordial::app
