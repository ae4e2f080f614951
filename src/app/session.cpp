#include "app/session.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/io/atomic_file.hpp"
#include "core/io/json_sections.hpp"
#include "core/io/params_json.hpp"
#include "core/io/preset.hpp"

namespace primordial::app {

core::Params default_explorer_params() {
    core::Params p;  // core defaults: 27 layers of 30 tanh units, sigmoid output
    p.image_width = 1024;
    p.image_height = 1024;
    return p;
}

namespace {

// The undo history: {"at": N, "states": [{"params": ..., "view": ...}, ...]}, oldest first. A
// state's picture size is the window's business: saved as the session's, read back as none.
core::Json history_json(const Session& s) {
    core::Json states = core::Json::array();
    for (const core::State& state : s.history.states) {
        core::Params p = state.params;
        p.image_width = s.params.image_width;
        p.image_height = s.params.image_height;
        states.push_back(
            {{"params", core::params_json(p)}, {"view", core::view_spec_json(state.view)}});
    }
    return {{"at", s.history.at}, {"states", std::move(states)}};
}

SavedHistory read_history(const core::JsonReader& reader, const core::Json& j) {
    if (!j.is_object() || !j.contains("states") || !j["states"].is_array() || !j.contains("at") ||
        !j["at"].is_number_unsigned())
        throw core::InputError("history: expected {\"at\": N, \"states\": [...]}");
    const core::Json& states = j["states"];
    if (states.size() > kMaxSavedHistory)
        throw core::InputError("history: more than " + std::to_string(kMaxSavedHistory) +
                               " states");
    SavedHistory h;
    h.at = j["at"].get<std::size_t>();
    if (h.at >= states.size()) throw core::InputError("history: \"at\" is past the last state");
    for (std::size_t i = 0; i < states.size(); ++i) {
        const std::string path = "history.states[" + std::to_string(i) + "]";
        const core::Json& s = states[i];
        if (!s.is_object() || !s.contains("params") || !s.contains("view"))
            throw core::InputError(path + ": expected params and view");
        h.states.push_back(tracked_state(
            core::read_params(reader, s["params"], path + ".params", default_explorer_params()),
            core::read_view_spec(reader, s["view"], path + ".view")));
    }
    return h;
}

}  // namespace

LoadResult load_session(const std::filesystem::path& file,
                        const std::filesystem::path& default_shots) {
    LoadResult r{{default_explorer_params(), {}, default_shots, {}}, ""};
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return r;
    try {
        // Read once, with the readers' limits (size, nesting, repeated keys), never re-parsed.
        const core::JsonReader reader(file.string());
        const core::Json j = reader.parse(core::read_text_file(file));
        if (!j.is_object() || !j.contains("params")) throw core::InputError("no \"params\"");
        r.session.params =
            core::read_params(reader, j["params"], "params", default_explorer_params());
        if (j.contains("view")) r.session.view = core::read_view_spec(reader, j["view"], "view");
        if (j.contains("recent") && j["recent"].is_array())
            for (auto it = j["recent"].rbegin(); it != j["recent"].rend(); ++it)
                if (it->is_string()) remember_recent(r.session.recent, it->get<std::string>());
        if (j.contains("screenshot_dir") && j["screenshot_dir"].is_string())
            r.session.screenshot_dir = j["screenshot_dir"].get<std::string>();
        if (j.contains("history")) {
            // A damaged history costs only itself: the session's picture stays.
            try {
                r.session.history = read_history(reader, j["history"]);
            } catch (const core::InputError& e) {
                r.warning = "ignored the saved undo history (" + std::string(e.what()) + ")";
            }
        }
    } catch (const std::exception& e) {
        // Kept, not overwritten at quit: it may be from a newer version, or worth a look.
        const std::filesystem::path kept = file.string() + ".ignored";
        std::filesystem::rename(file, kept, ec);
        r = {{default_explorer_params(), {}, default_shots, {}},
             "ignored the saved session (" + std::string(e.what()) + ")" +
                 (ec ? std::string() : "; kept as " + kept.string())};
    }
    return r;
}

SessionLock::SessionLock(const std::filesystem::path& session_file) {
    std::error_code ec;
    std::filesystem::create_directories(session_file.parent_path(), ec);
    fd_ = ::open((session_file.string() + ".lock").c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    // Where no lock can be taken at all (a read-only folder), behave as before: save.
    held_ = fd_ < 0 || ::flock(fd_, LOCK_EX | LOCK_NB) == 0;
}

SessionLock::~SessionLock() {
    if (fd_ >= 0) ::close(fd_);  // releases the lock
}

void save_session(const std::filesystem::path& file, const Session& s) {
    std::filesystem::create_directories(file.parent_path());
    core::Json j;
    j["params"] = core::params_json(s.params);
    j["view"] = core::view_spec_json(s.view);
    j["screenshot_dir"] = s.screenshot_dir.string();
    j["recent"] = s.recent;
    if (!s.history.states.empty()) j["history"] = history_json(s);
    core::write_text_file(file, j.dump(2) + "\n");
}

std::string move_old_session(const std::filesystem::path& from, const std::filesystem::path& to) {
    std::error_code ec;
    if (std::filesystem::exists(to, ec) || !std::filesystem::is_regular_file(from, ec)) return "";
    std::filesystem::create_directories(to.parent_path(), ec);
    std::filesystem::rename(from, to, ec);
    if (ec) {  // another filesystem: copy, then remove the old one only once the copy is whole
        try {
            core::write_text_file(to, core::read_text_file(from));
            std::filesystem::remove(from, ec);
        } catch (const std::exception& e) {
            return "could not move the session from " + from.string() + " (" + e.what() + ")";
        }
    }
    std::filesystem::remove(from.string() + ".lock", ec);
    return "moved the session to " + to.string();
}

void remember_recent(std::vector<std::string>& recent, const std::string& file) {
    std::erase(recent, file);
    recent.insert(recent.begin(), file);
    if (recent.size() > kMaxRecent) recent.resize(kMaxRecent);
}

}  // namespace primordial::app
