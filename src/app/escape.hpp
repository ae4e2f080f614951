// What Esc (and the window's close button) does depends on what is open: it closes the innermost
// thing, and quits only when nothing is open. While an export or an animation is being written,
// quitting asks first.
#pragma once

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

}  // namespace primordial::app
