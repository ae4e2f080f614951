#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include <set>
#include <string>

#include "app/commands.hpp"

using namespace primordial::app;

TEST_CASE("the issue's key bindings reach their commands") {
    CHECK(command_for_key(GLFW_KEY_R, 0) == CommandId::reset_view);
    CHECK(command_for_key(GLFW_KEY_SPACE, 0) == CommandId::new_seed);
    CHECK(command_for_key(GLFW_KEY_F, 0) == CommandId::toggle_fullscreen);
    CHECK(command_for_key(GLFW_KEY_H, 0) == CommandId::toggle_panel);
    CHECK(command_for_key(GLFW_KEY_S, 0) == CommandId::screenshot);
    CHECK(command_for_key(GLFW_KEY_F1, 0) == CommandId::toggle_help);
    CHECK(command_for_key(GLFW_KEY_SLASH, GLFW_MOD_SHIFT) == CommandId::toggle_help);  // '?'
    CHECK(command_for_key(GLFW_KEY_EQUAL, GLFW_MOD_SHIFT) == CommandId::zoom_in);      // '+'
    CHECK(command_for_key(GLFW_KEY_KP_ADD, 0) == CommandId::zoom_in);
    CHECK(command_for_key(GLFW_KEY_MINUS, 0) == CommandId::zoom_out);
    CHECK(command_for_key(GLFW_KEY_LEFT, 0) == CommandId::pan_left);
    CHECK(command_for_key(GLFW_KEY_DOWN, 0) == CommandId::pan_down);
    CHECK_FALSE(command_for_key(GLFW_KEY_SLASH, 0));             // '/' alone is not help
    CHECK_FALSE(command_for_key(GLFW_KEY_S, GLFW_MOD_CONTROL));  // leave Ctrl+S to others
    CHECK_FALSE(command_for_key(GLFW_KEY_Q, 0));
}

TEST_CASE("history and clipboard bindings need Ctrl; Shift turns undo into redo") {
    CHECK(command_for_key(GLFW_KEY_Z, GLFW_MOD_CONTROL) == CommandId::undo);
    CHECK(command_for_key(GLFW_KEY_Z, GLFW_MOD_CONTROL | GLFW_MOD_SHIFT) == CommandId::redo);
    CHECK(command_for_key(GLFW_KEY_Y, GLFW_MOD_CONTROL) == CommandId::redo);
    CHECK(command_for_key(GLFW_KEY_C, GLFW_MOD_CONTROL) == CommandId::copy_state);
    CHECK(command_for_key(GLFW_KEY_V, GLFW_MOD_CONTROL) == CommandId::paste_state);
    CHECK(command_for_key(GLFW_KEY_V, 0) == CommandId::next_view);
    CHECK_FALSE(command_for_key(GLFW_KEY_Z, 0));
    CHECK(command_for_key(GLFW_KEY_R, GLFW_MOD_CONTROL) == CommandId::reset_network);
    CHECK_FALSE(command_for_key(GLFW_KEY_X, GLFW_MOD_CONTROL));
}

TEST_CASE("every command has a unique name and key, and can be found by id") {
    std::set<std::string> names;
    std::set<std::pair<int, bool>> keys;
    for (const Command& c : commands()) {
        CHECK(names.insert(std::string(c.name)).second);
        CHECK(keys.insert({c.key, c.ctrl}).second);
        CHECK_FALSE(c.keys.empty());
        CHECK(command(c.id).name == c.name);
    }
    CHECK(commands().size() == 23);
}
