#include <doctest/doctest.h>

#include "app/escape.hpp"

using namespace primordial::app;

TEST_CASE("Esc closes the innermost open thing and quits only when nothing is open") {
    CHECK(on_escape({}) == EscapeAction::quit);
    CHECK(on_escape({.popup = true}) == EscapeAction::close_popup);
    CHECK(on_escape({.popup = true, .help = true}) == EscapeAction::close_popup);
    CHECK(on_escape({.help = true}) == EscapeAction::close_help);
    CHECK(on_escape({.typing = true, .help = true}) == EscapeAction::none);  // the field's
    // An export running: Esc asks; Esc on the question keeps the export going.
    CHECK(on_escape({.job = true}) == EscapeAction::ask_to_quit);
    CHECK(on_escape({.quit_dialog = true, .job = true}) == EscapeAction::close_quit_dialog);
    CHECK(on_escape({.help = true, .job = true}) == EscapeAction::close_help);
}

TEST_CASE("the window's close button asks while an export runs") {
    CHECK(on_close_request({}) == EscapeAction::quit);
    CHECK(on_close_request({.popup = true}) == EscapeAction::quit);
    CHECK(on_close_request({.job = true}) == EscapeAction::ask_to_quit);
}
