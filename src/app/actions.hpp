// What each command does to the explorer's state: plain functions of the state, so they are
// unit-tested without a window.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "app/commands.hpp"
#include "core/params.hpp"

namespace primordial::app {

struct ExplorerState {
    core::Params params;  // image_width/height: the picture area in framebuffer pixels
    bool panel_visible = true;
    bool help_visible = false;
    bool fullscreen = false;
    bool quit = false;
    bool screenshot_requested = false;
    std::filesystem::path screenshot_dir;
    int screenshot_width = 0, screenshot_height = 0;  // 0: the picture's size on screen
};

inline constexpr double kZoomStep = 1.25;   // +/- keys
inline constexpr double kPanFraction = 0.1;  // arrows: a tenth of the shorter side
inline constexpr double kWheelBase = 1.1;    // per wheel notch; touchpads send fractions

// Applies a command. `fresh_seed` supplies the seed for new_seed.
void apply(CommandId id, ExplorerState& s, std::uint64_t fresh_seed);
core::ViewParams default_view(const core::ViewParams& current);  // keeps z

}  // namespace primordial::app
