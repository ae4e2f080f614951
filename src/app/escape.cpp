#include "app/escape.hpp"

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

}  // namespace primordial::app
