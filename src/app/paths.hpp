// Where the explorer keeps things, per the XDG base-directory spec, with fallbacks.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>

namespace primordial::app {

// Reads an environment variable; injectable so tests need not touch the real environment.
using Getenv = std::function<std::optional<std::string>(const char*)>;
Getenv system_getenv();

// $XDG_CONFIG_HOME/primordial, else ~/.config/primordial.
std::filesystem::path config_dir(const Getenv& env);
// $XDG_STATE_HOME/primordial, else ~/.local/state/primordial: the session, its undo history and
// the recent files (state, not settings).
std::filesystem::path state_dir(const Getenv& env);
// $XDG_DATA_HOME/primordial, else ~/.local/share/primordial (bookmarks live here).
std::filesystem::path data_dir(const Getenv& env);
// XDG_PICTURES_DIR from $XDG_CONFIG_HOME/user-dirs.dirs, else ~/Pictures, then /Primordial.
std::filesystem::path default_screenshot_dir(const Getenv& env);
// dir/primordial-YYYYMMDD-HHMMSS.png, with -2, -3, ... when that name is taken.
std::filesystem::path unique_screenshot_path(const std::filesystem::path& dir,
                                             std::chrono::system_clock::time_point when);

}  // namespace primordial::app
