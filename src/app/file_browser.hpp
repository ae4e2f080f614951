// The explorer's own file browser, for when the desktop offers no dialog (desktop_dialog): the
// recent files first, then the folder's subfolders and the files Primordial opens (PNG, JSON,
// web pages), each with a thumbnail made off the interface thread; a path field takes a typed
// name or path. A modal popup: Esc closes it like any other.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "app/thumbnails.hpp"

namespace primordial::app {

struct FolderEntry {
    std::string name;
    std::filesystem::path path;
    bool folder = false;
};

inline constexpr std::size_t kMaxFolderEntries = 2000;
// What the browser shows of `dir`: subfolders, then .png, .json and .html/.htm files, each group
// by name; hidden ones left out; at most `limit`. An unreadable folder gives none.
std::vector<FolderEntry> list_folder(const std::filesystem::path& dir,
                                     std::size_t limit = kMaxFolderEntries);

class FileBrowser {
public:
    // Opens in `dir`; the recent files that still exist are listed first.
    void open(const std::filesystem::path& dir, const std::vector<std::string>& recent);
    bool visible() const { return visible_; }
    // Draws the browser while it is open; the file chosen this frame, if one was.
    std::optional<std::filesystem::path> draw();

private:
    void go(const std::filesystem::path& dir);
    std::optional<std::filesystem::path> choose(const std::filesystem::path& path);

    bool visible_ = false, opening_ = false;
    std::filesystem::path dir_;
    std::vector<FolderEntry> entries_, recent_;
    std::string typed_;
    Thumbnails thumbnails_{96, 4096 * 4096};
};

}  // namespace primordial::app
