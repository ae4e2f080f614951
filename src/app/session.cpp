#include "app/session.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "core/io/atomic_file.hpp"
#include "core/io/session_json.hpp"

namespace primordial::app {

core::Params default_explorer_params() {
    core::Params p;  // core defaults: 27 layers of 30 tanh units, sigmoid output
    p.image_width = 1024;
    p.image_height = 1024;
    return p;
}

LoadResult load_session(const std::filesystem::path& file,
                        const std::filesystem::path& default_shots) {
    LoadResult r{{default_explorer_params(), {}, default_shots, {}}, ""};
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return r;
    try {
        const core::SessionData d = core::session_from_json(
            core::read_text_file(file), file.string(), default_explorer_params());
        r.session.params = d.params;
        r.session.view = d.view;
        for (auto it = d.recent.rbegin(); it != d.recent.rend(); ++it)
            remember_recent(r.session.recent, *it);
        if (!d.screenshot_dir.empty()) r.session.screenshot_dir = d.screenshot_dir;
        for (const core::State& state : d.history)
            r.session.history.states.push_back(tracked_state(state.params, state.view));
        r.session.history.at = d.history_at;
        if (!d.history_problem.empty())
            r.warning = "ignored the saved undo history (" + d.history_problem + ")";
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
    core::SessionData d{s.params, s.view, s.screenshot_dir.string(), s.recent};
    for (const core::State& state : s.history.states) d.history.push_back(state);
    d.history_at = s.history.at;
    core::write_text_file(file, core::session_to_json(d));
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
