#include "app/session.hpp"

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/params_json.hpp"
#include "core/preset.hpp"

namespace primordial::app {

core::Params default_explorer_params() {
    core::Params p;  // core defaults: 27 layers of 30 tanh units, sigmoid output, seed 1
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
        const auto j = nlohmann::json::parse(core::read_text_file(file));
        if (!j.is_object() || !j.contains("params")) throw core::InputError("no \"params\"");
        r.session.params =
            core::params_from_json(j["params"].dump(), file.string(), default_explorer_params());
        if (j.contains("view"))
            r.session.view = core::view_from_json(j["view"].dump(), file.string());
        if (j.contains("recent") && j["recent"].is_array())
            for (auto it = j["recent"].rbegin(); it != j["recent"].rend(); ++it)
                if (it->is_string()) remember_recent(r.session.recent, it->get<std::string>());
        if (j.contains("screenshot_dir") && j["screenshot_dir"].is_string())
            r.session.screenshot_dir = j["screenshot_dir"].get<std::string>();
    } catch (const std::exception& e) {
        r = {{default_explorer_params(), {}, default_shots, {}},
             "ignored the saved session " + file.string() + ": " + e.what()};
    }
    return r;
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
