#include "app/session.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/json_sections.hpp"
#include "core/params_json.hpp"
#include "core/preset.hpp"

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
    nlohmann::ordered_json j;
    j["params"] = nlohmann::ordered_json::parse(core::params_to_json(s.params));
    j["view"] = nlohmann::ordered_json::parse(core::view_to_json(s.view));
    j["screenshot_dir"] = s.screenshot_dir.string();
    j["recent"] = s.recent;
    core::write_text_file(file, j.dump(2) + "\n");
}

void remember_recent(std::vector<std::string>& recent, const std::string& file) {
    std::erase(recent, file);
    recent.insert(recent.begin(), file);
    if (recent.size() > kMaxRecent) recent.resize(kMaxRecent);
}

}  // namespace primordial::app
