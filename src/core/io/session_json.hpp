// The explorer's saved session as JSON: the last parameters and view, the undo history, the
// recent files and the screenshot folder. Read through the one JSON reader, with its limits
// (size, nesting, repeated keys), and written by the same sections as every other file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/preset.hpp"

namespace primordial::core {

inline constexpr std::size_t kMaxSessionHistory = 200;  // undo steps kept (about 1 KB each)
inline constexpr std::size_t kMaxSessionRecent = 10;

struct SessionData {
    Params params;
    ViewSpec view;
    std::string screenshot_dir;       // "" when the file has none
    std::vector<std::string> recent;  // newest first
    std::vector<State> history;       // oldest first; their picture sizes are the session's
    std::size_t history_at = 0;
    // Why the file's history was left out ("" when it was read or there was none): a damaged
    // history costs only itself.
    std::string history_problem;
};

// Keys the file leaves out keep their values in `defaults`. Throws InputError ("<source>: <key>:
// <problem>") when the parameters or the view cannot be used.
SessionData session_from_json(std::string_view text, const std::string& source,
                              const Params& defaults);
std::string session_to_json(const SessionData& s);

}  // namespace primordial::core
