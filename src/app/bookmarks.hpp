// Bookmarks: each is a small PNG thumbnail in the user's data folder with the parameters and the
// view embedded, so the folder is the list, a bookmark opens like any Primordial PNG, and
// bookmarks survive restarts (and can be copied between machines).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "core/io/preset.hpp"
#include "core/views/sheet.hpp"

namespace primordial::app {

struct Bookmark {
    std::string name;
    std::filesystem::path file;
};

inline constexpr int kThumbnailWidth = 160, kThumbnailHeight = 100;

// What a bookmark holds, as its default name: "seed 7 · 40×30 · zoom ×4" (the seed, depth ×
// width, what differs from the defaults that shapes the picture, the view when not the picture).
std::string describe_bookmark(const core::State& s);

// Bookmarks in `dir`, newest first.
std::vector<Bookmark> list_bookmarks(const std::filesystem::path& dir);
// Saves `s` as `name` (made safe for a file name; a taken name gets -2, -3, ...), with a
// thumbnail rendered on the CPU. Returns the file.
std::filesystem::path save_bookmark(const std::filesystem::path& dir, const std::string& name,
                                    const core::State& s);
core::State load_bookmark(const Bookmark& b);  // throws InputError for a damaged file
void delete_bookmark(const Bookmark& b);
// Renames the bookmark's file to `name` (made safe as save_bookmark does); returns the new file.
// Throws InputError for an empty name, std::runtime_error when the file cannot be renamed.
std::filesystem::path rename_bookmark(const Bookmark& b, const std::string& name);

}  // namespace primordial::app
