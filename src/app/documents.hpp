// States coming and going in the window: the undo history (one step per gesture), the recent
// files, the bookmarks with their thumbnails, the clipboard's text, files opened or dropped, and
// shared pages. Each incoming state keeps the window's picture size; each outcome is a notice.
// No window code: the clipboard's text is passed in and out.
#pragma once

#include <chrono>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "app/bookmarks.hpp"
#include "app/history.hpp"
#include "app/notices.hpp"
#include "app/panel.hpp"
#include "app/thumbnails.hpp"
#include "core/io/png_io.hpp"
#include "gpu/display.hpp"

namespace primordial::app {

class Documents {
public:
    // `history`: the last run's undo history, which carries on under `initial`.
    Documents(const ExplorerState& initial, SavedHistory history, std::vector<std::string> recent,
              std::filesystem::path bookmarks_dir, Notices& notices);

    // After each frame: the state, and whether the change is part of a gesture still going on
    // (a held widget or mouse button); wheel turns within 400 ms of each other are one gesture.
    // `live`: the control a value came from (OSC or MIDI) this frame, or "". Values of one
    // control within 400 ms of each other are one gesture, like a slider drag; another control
    // starts a step of its own.
    void record(const ExplorerState& s, bool gesture, float wheel, const std::string& live = "");
    void undo(ExplorerState& s);
    void redo(ExplorerState& s);
    std::string copy(const ExplorerState& s);  // the clipboard's new text
    // The state as the clipboard holds it (a preset), without a notice: for OSC's /state.
    static std::string state_text(const ExplorerState& s);
    void paste(ExplorerState& s, const std::optional<std::string>& clipboard);
    void bookmark(const ExplorerState& s);
    void open_file(ExplorerState& s, const std::filesystem::path& file);
    void open_bookmark(ExplorerState& s, const Bookmark& b);
    void remove_bookmark(const Bookmark& b);
    void rename(const Bookmark& b, const std::string& name);
    // The picture's network and view as a web page or a Shadertoy shader, by the screenshots.
    void share(const ExplorerState& s, ShareAs as);

    const std::vector<std::string>& recent() const { return recent_; }
    SavedHistory saved_history(std::size_t keep) const { return history_.saved(keep); }
    const std::vector<Bookmark>& bookmarks() const { return bookmarks_; }
    // The bookmark's thumbnail as a texture, read once (0 when the file is damaged).
    unsigned thumbnail(const Bookmark& b);

private:
    History history_;
    std::vector<std::string> recent_;
    std::filesystem::path bookmarks_dir_;
    std::vector<Bookmark> bookmarks_;
    // Bookmark thumbnails: as small as saved; a file swapped for a poster is refused by its
    // header.
    Thumbnails thumbnails_{kThumbnailWidth, 256 * 256};
    Notices& notices_;
    std::chrono::steady_clock::time_point last_wheel_{}, last_live_{};
    std::string last_live_control_;
};

}  // namespace primordial::app
