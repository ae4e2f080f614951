// The ImGui side panel: edits the explorer's parameters in place.
#pragma once

#include <string>

#include "app/actions.hpp"

namespace primordial::app {

struct PanelOutput {
    float width = 0;  // in window coordinates, 0 when hidden
    bool commands_requested = false;
    std::optional<CommandId> command;  // chosen from the menu
};

// Draws the panel (when visible) and applies the user's edits to `s`. `message` is shown under
// the controls (last screenshot, errors).
PanelOutput draw_panel(ExplorerState& s, const std::string& message, float height);

// The status line over the bottom of the picture, and the help overlay listing every command.
void draw_status(const std::string& text, float x, float bottom);
void draw_help(bool* open);

}  // namespace primordial::app
