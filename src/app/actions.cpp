#include "app/actions.hpp"

#include <algorithm>
#include <cmath>

#include "app/session.hpp"
#include "core/eval/view.hpp"
#include "core/net/lineage.hpp"

namespace primordial::app {

core::ViewParams default_view(const core::ViewParams& current) {
    core::ViewParams v = core::Params{}.view;
    v.z = current.z;
    return v;
}

void apply(CommandId id, ExplorerState& s, std::uint64_t fresh_seed) {
    core::ViewParams& v = s.params.view;
    const int w = s.params.image_width, h = s.params.image_height;
    const double pan = kPanFraction * std::min(w, h);
    switch (id) {
        // Arrows move the view (the camera), so the picture slides the other way.
        case CommandId::pan_left:
            v = core::pan_pixels(v, w, h, pan, 0);
            break;
        case CommandId::pan_right:
            v = core::pan_pixels(v, w, h, -pan, 0);
            break;
        case CommandId::pan_up:
            v = core::pan_pixels(v, w, h, 0, pan);
            break;
        case CommandId::pan_down:
            v = core::pan_pixels(v, w, h, 0, -pan);
            break;
        case CommandId::zoom_in:
            v = core::zoom_about(v, w, h, w / 2.0, h / 2.0, kZoomStep);
            break;
        case CommandId::zoom_out:
            v = core::zoom_about(v, w, h, w / 2.0, h / 2.0, 1.0 / kZoomStep);
            break;
        case CommandId::reset_view:
            v = default_view(v);
            break;
        case CommandId::reset_network:  // one change, so one undo step
            s.params.network = default_explorer_params().network;
            break;
        case CommandId::new_seed:
            // In the breed view Space rolls new children instead.
            if (s.view.kind == core::ViewKind::breed)
                s.view.breed.roll = fresh_seed;
            else
                s.params.network.seed = fresh_seed;
            break;
        case CommandId::next_view:
            s.view.kind = core::next_view(s.params, s.view.kind);
            break;
        case CommandId::toggle_fullscreen:
            s.requests.push(Request::toggle_fullscreen);
            break;
        case CommandId::toggle_panel:
            s.panel_visible = !s.panel_visible;
            break;
        case CommandId::screenshot:
            s.requests.push(Request::screenshot);
            break;
        case CommandId::toggle_help:
            s.help_visible = !s.help_visible;
            break;
        case CommandId::quit:
            s.requests.push(Request::quit);
            break;
        case CommandId::undo:
            s.requests.push(Request::undo);
            break;
        case CommandId::redo:
            s.requests.push(Request::redo);
            break;
        case CommandId::open_file:
            s.requests.push(Request::open_file);
            break;
        case CommandId::copy_state:
            s.requests.push(Request::copy_state);
            break;
        case CommandId::paste_state:
            s.requests.push(Request::paste_state);
            break;
        case CommandId::bookmark:
            s.requests.push(Request::bookmark);
            break;
        case CommandId::presentation:
            s.requests.push(Request::toggle_presentation);
            break;
        case CommandId::export_picture:
            s.requests.push(Request::export_picture);
            break;
    }
    // Zooming stays within the limits the rest of the tool accepts.
    v.extent = std::clamp(v.extent, core::Limits::min_extent, core::Limits::max_extent);
}

void take_state(ExplorerState& s, const core::State& state) {
    const int w = s.params.image_width, h = s.params.image_height;
    s.params = state.params;
    s.params.image_width = w;
    s.params.image_height = h;
    s.view = state.view;
}

void load_preset(ExplorerState& s, const core::Preset& p) {
    take_state(s, {p.params, p.view});
}

void click_tile(ExplorerState& s, const core::Sheet& sheet, int tile) {
    if (tile < 0 || tile >= static_cast<int>(sheet.tiles.size())) return;
    const core::SheetTile& t = sheet.tiles[static_cast<std::size_t>(tile)];
    if (t.content != core::TileContent::picture || t.main) return;
    if (s.view.kind == core::ViewKind::grid) {
        const int w = s.params.image_width, h = s.params.image_height;
        s.params = t.params;
        s.params.image_width = w;
        s.params.image_height = h;
        s.view.kind = core::ViewKind::picture;
    } else if (s.view.kind == core::ViewKind::phase) {
        // Moves the network (the marker) there; the diagram stays.
        s.params.network.scale = t.params.network.scale;
        s.params.network.bias_scale = t.params.network.bias_scale;
    } else if (s.view.kind == core::ViewKind::breed) {
        // A child becomes the parent, with children of its own; an ancestor takes the line back.
        s.params.network = t.params.network;
        if (!t.ancestor) ++s.view.breed.roll;
    } else if (s.view.kind == core::ViewKind::progression) {
        s.params = core::with_value(s.params, core::SweepParam::depth, t.params.network.depth);
    }
}

void cross_tile(ExplorerState& s, const core::Sheet& sheet, int tile) {
    if (s.view.kind != core::ViewKind::breed) return click_tile(s, sheet, tile);
    if (tile < 0 || tile >= static_cast<int>(sheet.tiles.size())) return;
    const core::SheetTile& t = sheet.tiles[static_cast<std::size_t>(tile)];
    if (t.content != core::TileContent::picture || t.main) return;
    s.params.network = core::cross(s.params.network, t.params.network);
    ++s.view.breed.roll;
}

namespace {
// The tile's new view carries the change; the sweep's own setting (e.g. extent) keeps its ratio.
void follow_tile(ExplorerState& s, const core::SheetTile& t, const core::ViewParams& moved) {
    core::ViewParams& v = s.params.view;
    v.center_x = moved.center_x;
    v.center_y = moved.center_y;
    const double ratio = moved.extent / t.params.view.extent;
    const auto scale = [&](double e) {
        return std::clamp(e * ratio, core::Limits::min_extent, core::Limits::max_extent);
    };
    v.extent = scale(v.extent);
    // A zoom series keeps its steps: every tile's extent scales alike.
    if (s.view.kind == core::ViewKind::grid)
        for (core::Sweep* sw : {&s.view.columns, s.view.rows ? &*s.view.rows : nullptr})
            if (sw && sw->param == core::SweepParam::extent)
                for (double& e : sw->values) e = scale(e);
}
}  // namespace

void zoom_tile(ExplorerState& s, const core::SheetTile& t, double px, double py, double factor) {
    follow_tile(s, t, core::zoom_about(t.params.view, t.rect.w, t.rect.h, px, py, factor));
}

void pan_tile(ExplorerState& s, const core::SheetTile& t, double dx, double dy) {
    follow_tile(s, t, core::pan_pixels(t.params.view, t.rect.w, t.rect.h, dx, dy));
}

void orbit(ExplorerState& s, double dx, double dy) {
    core::Camera& c = s.view.camera;
    c.yaw = std::remainder(c.yaw + dx * kOrbitDegreesPerPixel, 360.0);
    c.pitch = std::clamp(c.pitch + dy * kOrbitDegreesPerPixel, 5.0, 90.0);
}

}  // namespace primordial::app
