// The explorer's state between runs: the last parameters and view, and the screenshot folder.
// Stored as JSON in the user's config folder; a damaged file is reported and ignored.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/params.hpp"
#include "core/sheet.hpp"

namespace primordial::app {

struct Session {
    core::Params params;
    core::ViewSpec view;  // which view (picture, grid, ...) was open
    std::filesystem::path screenshot_dir;
    std::vector<std::string> recent;  // files opened, newest first
};

inline constexpr std::size_t kMaxRecent = 10;
// Puts `file` first in the recent list (once), keeping at most kMaxRecent.
void remember_recent(std::vector<std::string>& recent, const std::string& file);

// The explorer's first-start network: deep and good-looking, like the article's favourite.
core::Params default_explorer_params();

struct LoadResult {
    Session session;
    std::string warning;  // non-empty when the file existed but could not be used
};
LoadResult load_session(const std::filesystem::path& file,
                        const std::filesystem::path& default_shots);
void save_session(const std::filesystem::path& file, const Session& s);  // throws on failure

}  // namespace primordial::app
