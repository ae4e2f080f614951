// The ImGui side panel: edits the explorer's parameters in place.
#pragma once

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/bookmarks.hpp"

namespace primordial::app {

// What the panel shows besides the state: the recent files and the bookmarks.
struct PanelLists {
    const std::vector<std::string>* recent = nullptr;
    const std::vector<Bookmark>* bookmarks = nullptr;
    std::function<unsigned(const Bookmark&)> thumbnail;  // a texture id, 0 when there is none
};

struct PanelOutput {
    float width = 0;  // in window coordinates, 0 when hidden
    bool commands_requested = false;
    std::optional<CommandId> command;  // chosen from the menu
    std::optional<std::filesystem::path> open;  // a file to open (recent, or typed)
    std::optional<Bookmark> open_bookmark, delete_bookmark;
};

// Draws the panel (when visible) and applies the user's edits to `s`. `message` is shown under
// the controls (last screenshot, errors).
PanelOutput draw_panel(ExplorerState& s, const std::string& message, float height,
                       const PanelLists& lists = {});

// The status line over the bottom of the picture, and the help overlay listing every command.
void draw_status(const std::string& text, float x, float bottom);
void draw_help(bool* open);

}  // namespace primordial::app
