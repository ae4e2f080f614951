// The desktop's own file dialog, where one is there: zenity (GNOME and most desktops) or kdialog
// (KDE), run as a child process, as many tools do. The frame loop never waits for it: poll()
// each frame. Without either program (or without a desktop), open() says so and the explorer
// shows its own browser instead.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "app/paths.hpp"

namespace primordial::app {

class DesktopDialog {
public:
    DesktopDialog() = default;
    ~DesktopDialog();  // a dialog still open is closed with the window
    DesktopDialog(const DesktopDialog&) = delete;
    DesktopDialog& operator=(const DesktopDialog&) = delete;

    // The program that would be run ("zenity", "kdialog"), or "" when there is none: not on
    // PATH, no display, or PRIMORDIAL_FILE_DIALOG=builtin.
    static std::string program(const Getenv& env);
    // Starts the dialog in `start`; false when it cannot run (then use the built-in browser).
    bool open(const Getenv& env, const std::filesystem::path& start);
    bool running() const { return pid_ > 0; }
    // Once the dialog has closed: the chosen file, or nullopt when it was cancelled. While it is
    // still open, or when none was started: nullopt, and `finished` false.
    std::optional<std::filesystem::path> poll(bool& finished);

private:
    int pid_ = -1;
    int out_ = -1;  // the child's standard output
    std::string answer_;
};

}  // namespace primordial::app
