// The ImGui side panel: edits the explorer's parameters in place.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/bookmarks.hpp"
#include "app/stats_worker.hpp"

namespace primordial::app {

// What the panel shows besides the state: the recent files and the bookmarks.
struct PanelLists {
    const std::vector<std::string>* recent = nullptr;
    const std::vector<Bookmark>* bookmarks = nullptr;
    std::function<unsigned(const Bookmark&)> thumbnail;  // a texture id, 0 when there is none
    const StatsWorker* stats = nullptr;                  // the Statistics section's numbers
    std::string engine_reason;                           // what draws the pictures, and why
    std::string live_status;                             // "OSC on 127.0.0.1:9000; no MIDI inputs"
    std::optional<live::ControlId> midi_learning;        // a slider waiting for a knob
    const std::vector<std::string>* midi_ports = nullptr;  // the MIDI inputs opened
};

// What File -> Share writes: a self-contained web page or a Shadertoy shader.
enum class ShareAs { web_page, shadertoy };

// Where a panel widget was drawn this frame, in window pixels, by its label. `explore
// --report-layout` writes them, so the smoke tests click widgets where the layout put them.
struct WidgetRect {
    std::string id;
    float x = 0, y = 0, w = 0, h = 0;
};

struct PanelOutput {
    float width = 0;   // in window coordinates, 0 when hidden
    std::string note;  // what an edit did that was not asked for ("depth 100000 ... set to 256")
    bool stats_open = false;           // the Statistics section is open: keep its numbers current
    std::optional<CommandId> command;  // chosen from the menu
    std::optional<std::filesystem::path> open;  // a file to open (recent, or typed)
    std::optional<Bookmark> open_bookmark, delete_bookmark;
    std::optional<std::pair<Bookmark, std::string>> rename_bookmark;  // the bookmark, its new name
    std::optional<ShareAs> share;                                     // File -> Share as ...
    // The File menu (and its "Share as web page" while open), view, engine, new seed, seed,
    // depth, z.
    std::vector<WidgetRect> widgets;
    std::optional<live::MidiBinding> midi_learn;  // right-click -> MIDI learn: control and range
    std::optional<std::size_t> midi_forget;       // a binding to drop
    bool midi_cancel = false;                     // stop waiting for a knob
};

// Draws the panel (when visible) and applies the user's edits to `s`, within the limits of the
// command line.
PanelOutput draw_panel(ExplorerState& s, float height, const PanelLists& lists = {});
float panel_width();  // in window coordinates, following the font's size

// The status line over the bottom of the picture, and the help overlay listing every command.
void draw_status(const std::string& text, float x, float bottom);
// A notice at the top of the picture area (from x to right), wrapped to fit; problems in amber.
void draw_notice(const std::string& text, bool problem, float x, float right);
void draw_help(bool* open);

}  // namespace primordial::app
