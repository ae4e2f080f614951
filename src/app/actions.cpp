#include "app/actions.hpp"

#include <algorithm>

#include "core/view.hpp"

namespace primordial::app {

core::ViewParams default_view(const core::ViewParams& current) {
    core::ViewParams v;
    v.z = current.z;
    return v;
}

void apply(CommandId id, ExplorerState& s, std::uint64_t fresh_seed) {
    core::ViewParams& v = s.params.view;
    const int w = s.params.image_width, h = s.params.image_height;
    const double pan = kPanFraction * std::min(w, h);
    switch (id) {
        // Arrows move the view (the camera), so the picture slides the other way.
        case CommandId::pan_left: v = core::pan_pixels(v, w, h, pan, 0); break;
        case CommandId::pan_right: v = core::pan_pixels(v, w, h, -pan, 0); break;
        case CommandId::pan_up: v = core::pan_pixels(v, w, h, 0, pan); break;
        case CommandId::pan_down: v = core::pan_pixels(v, w, h, 0, -pan); break;
        case CommandId::zoom_in: v = core::zoom_about(v, w, h, w / 2.0, h / 2.0, kZoomStep); break;
        case CommandId::zoom_out:
            v = core::zoom_about(v, w, h, w / 2.0, h / 2.0, 1.0 / kZoomStep);
            break;
        case CommandId::reset_view: v = default_view(v); break;
        case CommandId::new_seed: s.params.network.seed = fresh_seed; break;
        case CommandId::toggle_fullscreen: s.fullscreen = !s.fullscreen; break;
        case CommandId::toggle_panel: s.panel_visible = !s.panel_visible; break;
        case CommandId::screenshot: s.screenshot_requested = true; break;
        case CommandId::toggle_help: s.help_visible = !s.help_visible; break;
        case CommandId::quit: s.quit = true; break;
    }
    // Zooming stays within the limits the rest of the tool accepts.
    v.extent = std::clamp(v.extent, core::Limits::min_extent, core::Limits::max_extent);
}

}  // namespace primordial::app
