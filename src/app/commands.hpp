// One table of named commands drives the keys, the menu and the help overlay, so they cannot
// drift apart.
#pragma once

#include <optional>
#include <span>
#include <string_view>

namespace primordial::app {

enum class CommandId {
    pan_left,
    pan_right,
    pan_up,
    pan_down,
    zoom_in,
    zoom_out,
    reset_view,
    reset_network,
    new_seed,
    next_view,
    toggle_fullscreen,
    toggle_panel,
    screenshot,
    toggle_help,
    quit,
    undo,
    redo,
    open_file,
    copy_state,
    paste_state,
    bookmark,
    presentation,
    export_picture,
};

struct Command {
    CommandId id;
    std::string_view name;  // shown in the menu and the help overlay
    std::string_view keys;  // human-readable binding
    int key;                // GLFW key code
    int alt_key;            // a second binding, or 0
    bool shift_alt_key;     // alt_key needs Shift (e.g. '?' = Shift + '/')
    bool ctrl = false;      // both bindings need Ctrl (and the main one no Shift)
};

std::span<const Command> commands();
const Command& command(CommandId id);
// The command bound to a key press (GLFW key and modifier bits), if any.
std::optional<CommandId> command_for_key(int key, int mods);

}  // namespace primordial::app
