#include "app/commands.hpp"

#include <GLFW/glfw3.h>

#include <array>

namespace primordial::app {
namespace {

constexpr std::array kCommands{
    Command{CommandId::pan_left, "Pan left", "Left", GLFW_KEY_LEFT, 0, false},
    Command{CommandId::pan_right, "Pan right", "Right", GLFW_KEY_RIGHT, 0, false},
    Command{CommandId::pan_up, "Pan up", "Up", GLFW_KEY_UP, 0, false},
    Command{CommandId::pan_down, "Pan down", "Down", GLFW_KEY_DOWN, 0, false},
    Command{CommandId::zoom_in, "Zoom in", "+", GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD, false},
    Command{CommandId::zoom_out, "Zoom out", "-", GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT, false},
    Command{CommandId::reset_view, "Reset view", "R", GLFW_KEY_R, 0, false},
    Command{CommandId::reset_network, "Reset the network to the defaults", "Ctrl+R", GLFW_KEY_R, 0,
            false, true},
    Command{CommandId::new_seed, "New seed", "Space", GLFW_KEY_SPACE, 0, false},
    Command{CommandId::next_view, "Next view", "V", GLFW_KEY_V, 0, false},
    Command{CommandId::toggle_fullscreen, "Fullscreen", "F", GLFW_KEY_F, 0, false},
    Command{CommandId::toggle_panel, "Hide/show panel", "H", GLFW_KEY_H, 0, false},
    Command{CommandId::screenshot, "Save screenshot", "S", GLFW_KEY_S, 0, false},
    Command{CommandId::toggle_help, "Help", "F1 or ?", GLFW_KEY_F1, GLFW_KEY_SLASH, true},
    Command{CommandId::quit, "Quit", "Esc", GLFW_KEY_ESCAPE, 0, false},
    Command{CommandId::undo, "Undo", "Ctrl+Z", GLFW_KEY_Z, 0, false, true},
    Command{CommandId::redo, "Redo", "Ctrl+Shift+Z or Ctrl+Y", GLFW_KEY_Y, GLFW_KEY_Z, true, true},
    Command{CommandId::open_file, "Open a file", "Ctrl+O", GLFW_KEY_O, 0, false, true},
    Command{CommandId::copy_state, "Copy the state as text", "Ctrl+C", GLFW_KEY_C, 0, false, true},
    Command{CommandId::paste_state, "Paste a state", "Ctrl+V", GLFW_KEY_V, 0, false, true},
    Command{CommandId::bookmark, "Bookmark this", "Ctrl+B", GLFW_KEY_B, 0, false, true},
    Command{CommandId::export_picture, "Export the picture (size in the Export section)", "E",
            GLFW_KEY_E, 0, false},
    Command{CommandId::presentation, "Presentation mode (P or Esc leaves it)", "P", GLFW_KEY_P, 0,
            false},
};

}  // namespace

std::span<const Command> commands() {
    return kCommands;
}

const Command& command(CommandId id) {
    for (const Command& c : kCommands)
        if (c.id == id) return c;
    return kCommands.front();
}

std::optional<CommandId> command_for_key(int key, int mods) {
    const bool shift = (mods & GLFW_MOD_SHIFT) != 0;
    const bool ctrl = (mods & GLFW_MOD_CONTROL) != 0;
    if (mods & (GLFW_MOD_ALT | GLFW_MOD_SUPER)) return std::nullopt;
    for (const Command& c : kCommands) {
        if (c.ctrl != ctrl) continue;
        // Plain keys ignore Shift ('+' is Shift and '='); Ctrl+Shift+Z is not Ctrl+Z.
        if (key == c.key && !(c.ctrl && shift)) return c.id;
        if (c.alt_key != 0 && key == c.alt_key && shift == c.shift_alt_key) return c.id;
    }
    return std::nullopt;
}

}  // namespace primordial::app
