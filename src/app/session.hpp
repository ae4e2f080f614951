// The explorer's state between runs: the last parameters and view, the undo history, the recent
// files and the screenshot folder. Stored as JSON in the user's state folder
// ($XDG_STATE_HOME/primordial); a damaged file is reported and ignored.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "app/history.hpp"
#include "core/io/session_json.hpp"
#include "core/net/params.hpp"
#include "core/views/sheet.hpp"

namespace primordial::app {

struct Session {
    core::Params params;
    core::ViewSpec view;  // which view (picture, grid, ...) was open
    std::filesystem::path screenshot_dir;
    std::vector<std::string> recent;  // files opened, newest first
    SavedHistory history;             // undo and redo carry over; the last state is `params`
};

inline constexpr std::size_t kMaxRecent = core::kMaxSessionRecent;
// Undo steps kept between runs (each about 1 KB of JSON).
inline constexpr std::size_t kMaxSavedHistory = core::kMaxSessionHistory;
// Puts `file` first in the recent list (once), keeping at most kMaxRecent.
void remember_recent(std::vector<std::string>& recent, const std::string& file);

// The explorer's first-start network: deep and good-looking, like the article's favourite.
core::Params default_explorer_params();

struct LoadResult {
    Session session;
    // Non-empty when the file existed but could not be used; it is then kept beside as
    // NAME.ignored, never overwritten.
    std::string warning;
};

// An advisory lock (flock) on NAME.lock beside the session, held for the explorer's life: the
// first explorer holds it and saves the session; others do not.
class SessionLock {
public:
    explicit SessionLock(const std::filesystem::path& session_file);
    ~SessionLock();
    SessionLock(const SessionLock&) = delete;
    SessionLock& operator=(const SessionLock&) = delete;
    bool held() const { return held_; }

private:
    int fd_ = -1;
    bool held_ = false;
};
LoadResult load_session(const std::filesystem::path& file,
                        const std::filesystem::path& default_shots);
void save_session(const std::filesystem::path& file, const Session& s);  // throws on failure
// Moves the session an older Primordial kept in the config folder (`from`) to `to`, once: only
// while `to` does not exist. Returns what it did, for a notice ("" when there was nothing).
std::string move_old_session(const std::filesystem::path& from, const std::filesystem::path& to);

}  // namespace primordial::app
