// What Esc (and the window's close button) does depends on what is open: it closes the innermost
// thing, and quits only when nothing is open. While an export or an animation is being written,
// quitting asks first.
#pragma once

#include <optional>

#include "app/commands.hpp"

namespace primordial::app {

struct OpenThings {
    bool typing = false;       // a text field has the keyboard: Esc belongs to it
    bool popup = false;        // a menu, a dropdown or a popup
    bool quit_dialog = false;  // "an export is running: quit?"
    bool help = false;         // the keys overlay
    bool job = false;          // an export or animation is being written
};

enum class EscapeAction { none, close_popup, close_quit_dialog, close_help, ask_to_quit, quit };

EscapeAction on_escape(const OpenThings& open);
// The window's close button (or the Quit command): quit, or ask while a job runs.
EscapeAction on_close_request(const OpenThings& open);

// What one key press does: Esc closes or quits as above; Enter in the quit dialog cancels the
// export and quits; any other key runs its command, unless a text field (`keyboard_taken`), a
// menu, a dropdown or the quit dialog has it.
struct KeyOutcome {
    EscapeAction escape = EscapeAction::none;
    bool cancel_and_quit = false;
    std::optional<CommandId> command;
};
KeyOutcome route_key(int key, int mods, const OpenThings& open, bool keyboard_taken);

}  // namespace primordial::app
