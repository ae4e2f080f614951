// What each command does to the explorer's state: plain functions of the state, so they are
// unit-tested without a window.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>

#include "app/commands.hpp"
#include "app/requests.hpp"
#include "core/io/preset.hpp"
#include "core/net/animation.hpp"
#include "core/net/params.hpp"
#include "core/views/sheet.hpp"
#include "gpu/engine.hpp"
#include "live/midi_map.hpp"

namespace primordial::app {

struct ExplorerState {
    core::Params params;  // image_width/height: the picture area in framebuffer pixels
    core::ViewSpec view;  // picture, or a view of several tiles (grid, progression, ...)
    gpu::EngineRequest engine = gpu::EngineRequest::automatic;  // what draws the pictures
    bool panel_visible = true;
    bool tile_labels = true;  // each tile's caption drawn on it
    bool help_visible = false;
    std::map<std::string, bool> sections;  // which panel sections are open (remembered)
    int monitor = 0;  // for fullscreen and presentation: 0 = the primary monitor
    // What the window carries out: screenshots, undo, the clipboard, exports, its mode, quitting.
    RequestQueue requests;
    std::filesystem::path screenshot_dir;
    int screenshot_width = 0, screenshot_height = 0;  // 0: the picture's size on screen
    std::string bookmark_name;                        // for the next bookmark
    std::string bookmark_rename;                      // typed in a bookmark's rename popup
    // Export from the window: 0 x 0 means twice the picture on screen.
    int export_width = 0, export_height = 0, export_supersample = 2, export_bit_depth = 8;
    // The animation timeline.
    core::Animation animation{core::AnimParam::scale, 0.5, 1.0, 0, 0, 60};
    bool animation_preview = false;
    std::string animation_video;  // "", ".mp4", ".webm" or ".gif"
    int animation_fps = 30;
    // MIDI controllers bound by MIDI learn (kept with the settings).
    std::vector<live::MidiBinding> midi_bindings;
};

inline constexpr double kZoomStep = 1.25;    // +/- keys
inline constexpr double kPanFraction = 0.1;  // arrows: a tenth of the shorter side
inline constexpr double kWheelBase = 1.1;    // per wheel notch; touchpads send fractions

// Applies a command. `fresh_seed` supplies the seed for new_seed.
void apply(CommandId id, ExplorerState& s, std::uint64_t fresh_seed);
core::ViewParams default_view(const core::ViewParams& current);  // keeps z

// Takes a state (a preset, undo, paste, a file, a bookmark) into the window: its picture size
// stays.
void take_state(ExplorerState& s, const core::State& state);
// Opens a preset: its network and view, in the window's picture area.
void load_preset(ExplorerState& s, const core::Preset& p);
// A click on tile `tile` of `sheet`: a grid tile becomes the current network (shown alone);
// a frame of the layer progression sets the depth; a child in the breed view becomes the parent
// (with new children), an ancestor in its lineage strip takes the line back to it.
void click_tile(ExplorerState& s, const core::Sheet& sheet, int tile);
// A Shift+click in the breed view: the parent crossed with that child (or ancestor).
void cross_tile(ExplorerState& s, const core::Sheet& sheet, int tile);
// The wheel over a picture tile zooms every tile about the cursor, at (px, py) in the tile.
void zoom_tile(ExplorerState& s, const core::SheetTile& t, double px, double py, double factor);
// A drag over a picture tile pans every tile by (dx, dy) of that tile's pixels.
void pan_tile(ExplorerState& s, const core::SheetTile& t, double dx, double dy);
// A drag over the height map turns it: degrees per pixel.
inline constexpr double kOrbitDegreesPerPixel = 0.4;
void orbit(ExplorerState& s, double dx, double dy);

}  // namespace primordial::app
