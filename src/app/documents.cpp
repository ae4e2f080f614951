#include "app/documents.hpp"

#include <cstdio>

#include "app/paths.hpp"
#include "app/session.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/png_io.hpp"
#include "core/io/preset.hpp"
#include "share/shadertoy.hpp"
#include "share/web_page.hpp"

namespace primordial::app {

Documents::Documents(const ExplorerState& initial, SavedHistory history,
                     std::vector<std::string> recent, std::filesystem::path bookmarks_dir,
                     Notices& notices)
    : history_(std::move(history), tracked_state(initial.params, initial.view)),
      recent_(std::move(recent)),
      bookmarks_dir_(std::move(bookmarks_dir)),
      bookmarks_(list_bookmarks(bookmarks_dir_)),
      notices_(notices) {}

void Documents::record(const ExplorerState& s, bool gesture, float wheel, const std::string& live) {
    const auto now = std::chrono::steady_clock::now();
    const auto within = [&](auto t) { return now - t < std::chrono::milliseconds(400); };
    if (wheel != 0) last_wheel_ = now;
    // A live value continues the step of the same controls' values just before it; other
    // controls, or a pause, start one of their own. Other changes are not drawn into it.
    if (!live.empty()) {
        if (live != last_live_control_ || !within(last_live_)) history_.end_gesture();
        last_live_control_ = live;
        last_live_ = now;
    }
    history_.record(tracked_state(s.params, s.view),
                    gesture || within(last_wheel_) || !live.empty());
}

void Documents::undo(ExplorerState& s) {
    history_.can_undo() ? notices_.tell("undone") : notices_.warn("nothing to undo");
    take_state(s, history_.undo());
}

void Documents::redo(ExplorerState& s) {
    history_.can_redo() ? notices_.tell("redone") : notices_.warn("nothing to redo");
    take_state(s, history_.redo());
}

std::string Documents::state_text(const ExplorerState& s) {
    const core::Preset p{"clipboard", 0,      "Copied from the Primordial explorer",
                         s.params,    s.view, {}};
    return core::preset_to_json(p);
}

std::string Documents::copy(const ExplorerState& s) {
    notices_.tell(
        "copied the state to the clipboard: paste it with Ctrl+V, or save it as a .json file for "
        "--params");
    return state_text(s);
}

void Documents::paste(ExplorerState& s, const std::optional<std::string>& clipboard) {
    try {
        if (!clipboard) throw core::InputError("the clipboard holds no text");
        take_state(s, core::state_from_text(*clipboard, "clipboard"));
        notices_.tell("pasted the state from the clipboard");
    } catch (const core::InputError& e) {
        notices_.warn(std::string("not pasted: ") + e.what());
    }
}

void Documents::bookmark(const ExplorerState& s) {
    try {
        const core::State state{s.params, s.view};
        // Named by what it holds unless the person named it.
        const auto file = save_bookmark(
            bookmarks_dir_, s.bookmark_name.empty() ? describe_bookmark(state) : s.bookmark_name,
            state);
        bookmarks_ = list_bookmarks(bookmarks_dir_);
        notices_.tell("bookmarked as " + file.stem().string());
    } catch (const std::exception& e) {
        notices_.warn(std::string("bookmark failed: ") + e.what());
    }
}

void Documents::rename(const Bookmark& b, const std::string& name) {
    try {
        const auto file = rename_bookmark(b, name);
        bookmarks_ = list_bookmarks(bookmarks_dir_);
        notices_.tell("renamed to " + file.stem().string());
    } catch (const std::exception& e) {
        notices_.warn(std::string("not renamed: ") + e.what());
    }
}

void Documents::open_file(ExplorerState& s, const std::filesystem::path& file) {
    try {
        take_state(s, core::state_from_file(file));
        remember_recent(recent_, std::filesystem::absolute(file).string());
        notices_.tell("opened " + file.string());
    } catch (const std::exception& e) {
        notices_.warn(std::string("not opened: ") + e.what());
    }
}

void Documents::open_bookmark(ExplorerState& s, const Bookmark& b) {
    try {
        take_state(s, load_bookmark(b));
        notices_.tell("opened the bookmark " + b.name);
    } catch (const std::exception& e) {
        notices_.warn(std::string("bookmark not opened: ") + e.what());
    }
}

void Documents::remove_bookmark(const Bookmark& b) {
    try {
        delete_bookmark(b);
        thumbnails_.forget(b.file);
        bookmarks_ = list_bookmarks(bookmarks_dir_);
        notices_.tell("deleted the bookmark " + b.name);
    } catch (const std::exception& e) {
        notices_.warn(std::string("bookmark not deleted: ") + e.what());
    }
}

void Documents::share(const ExplorerState& s, ShareAs as) {
    const bool page = as == ShareAs::web_page;
    try {
        std::filesystem::create_directories(s.screenshot_dir);
        std::filesystem::path path =
            unique_screenshot_path(s.screenshot_dir, std::chrono::system_clock::now());
        const std::string stem = path.stem().string(), ext = page ? ".html" : ".glsl";
        path.replace_extension(ext);
        for (int n = 2; std::filesystem::exists(path); ++n)
            path = path.parent_path() / (stem + "-" + std::to_string(n) + ext);
        core::write_text_file(path,
                              page ? share::web_page(s.params) : share::shadertoy_shader(s.params));
        notices_.tell("shared as " + path.string());
        std::fprintf(stderr, "primordial: shared %s\n", path.string().c_str());
    } catch (const std::exception& e) {
        notices_.warn(std::string("not shared: ") + e.what());
    }
}

unsigned Documents::thumbnail(const Bookmark& b) {
    return thumbnails_.texture(b.file);
}

}  // namespace primordial::app
