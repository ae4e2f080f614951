#include "app/escape.hpp"

#include <GLFW/glfw3.h>

namespace primordial::app {

EscapeAction on_escape(const OpenThings& o) {
    if (o.typing) return EscapeAction::none;  // ImGui ends the edit itself
    if (o.popup) return EscapeAction::close_popup;
    if (o.quit_dialog) return EscapeAction::close_quit_dialog;  // and keep the job going
    if (o.help) return EscapeAction::close_help;
    return on_close_request(o);
}

EscapeAction on_close_request(const OpenThings& o) {
    return o.job ? EscapeAction::ask_to_quit : EscapeAction::quit;
}

KeyOutcome route_key(int key, int mods, const OpenThings& open, bool keyboard_taken) {
    KeyOutcome out;
    if (key == GLFW_KEY_ESCAPE && mods == 0)
        out.escape = on_escape(open);
    else if (open.quit_dialog && (key == GLFW_KEY_ENTER || key == GLFW_KEY_KP_ENTER))
        out.cancel_and_quit = true;
    else if (!keyboard_taken && !open.popup && !open.quit_dialog)
        out.command = command_for_key(key, mods);
    return out;
}

}  // namespace primordial::app
