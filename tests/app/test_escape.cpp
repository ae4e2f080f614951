#include <doctest/doctest.h>

#include "app/escape.hpp"

#include <GLFW/glfw3.h>

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
    // The export ended while the question was open: the question stays, and Esc closes it; it
    // never quits (issue 23: a dialog that closes on its own made the next Esc a quit).
    CHECK(on_escape({.quit_dialog = true, .job = false}) == EscapeAction::close_quit_dialog);
    CHECK(route_key(GLFW_KEY_ESCAPE, 0, {.quit_dialog = true, .job = false}, false).escape ==
          EscapeAction::close_quit_dialog);
    CHECK(route_key(GLFW_KEY_ENTER, 0, {.quit_dialog = true, .job = false}, false).cancel_and_quit);
    CHECK(on_escape({.help = true, .job = true}) == EscapeAction::close_help);
}

TEST_CASE("the window's close button asks while an export runs") {
    CHECK(on_close_request({}) == EscapeAction::quit);
    CHECK(on_close_request({.popup = true}) == EscapeAction::quit);
    CHECK(on_close_request({.job = true}) == EscapeAction::ask_to_quit);
}

TEST_CASE("keys reach their commands only when nothing else has them") {
    CHECK(route_key(GLFW_KEY_S, 0, {}, false).command == CommandId::screenshot);
    CHECK_FALSE(route_key(GLFW_KEY_S, 0, {}, true).command);                // typing in a field
    CHECK_FALSE(route_key(GLFW_KEY_S, 0, {.popup = true}, false).command);  // a menu is open
    CHECK_FALSE(route_key(GLFW_KEY_S, 0, {.quit_dialog = true, .job = true}, false).command);
    // Esc and Enter: by what is open, even while a field has the keyboard for other keys.
    CHECK(route_key(GLFW_KEY_ESCAPE, 0, {.help = true}, true).escape == EscapeAction::close_help);
    CHECK_FALSE(route_key(GLFW_KEY_ESCAPE, 0, {}, false).command);
    CHECK(route_key(GLFW_KEY_ENTER, 0, {.quit_dialog = true, .job = true}, false).cancel_and_quit);
    CHECK_FALSE(route_key(GLFW_KEY_ENTER, 0, {}, false).cancel_and_quit);
}
