#include "core/io/session_json.hpp"

#include "core/io/json_sections.hpp"

namespace primordial::core {
namespace {

// {"at": N, "states": [{"params": ..., "view": ...}, ...]}, oldest first.
void read_history(const JsonReader& r, const Json& j, const Params& defaults, SessionData& s) {
    r.object(j, "history", {"at", "states"});
    const Json& states = r.required(j, "history", "states", "a list of states");
    if (!states.is_array()) r.fail("history.states", "must be a list of states");
    if (states.size() > kMaxSessionHistory)
        r.fail("history.states", "has more than " + std::to_string(kMaxSessionHistory) + " states");
    if (states.empty()) return;
    const auto at =
        static_cast<std::size_t>(r.integer(r.required(j, "history", "at"), "history.at", 0,
                                           static_cast<long long>(states.size()) - 1));
    std::vector<State> out;
    for (std::size_t i = 0; i < states.size(); ++i) {
        const std::string path = "history.states[" + std::to_string(i) + "]";
        r.object(states[i], path, {"params", "view"});
        State state;
        state.params =
            read_params(r, r.required(states[i], path, "params"), path + ".params", defaults);
        state.view = read_view_spec(r, r.required(states[i], path, "view"), path + ".view");
        state.has_view = true;
        out.push_back(std::move(state));
    }
    s.history = std::move(out);
    s.history_at = at;
}

}  // namespace

SessionData session_from_json(std::string_view text, const std::string& source,
                              const Params& defaults) {
    const JsonReader r(source);
    const Json j = r.parse(text);
    if (!j.is_object()) r.fail("", "must be an object");
    // Keys a newer Primordial may add are left alone: the session is ours, not a user's file.
    SessionData s;
    s.params = read_params(r, r.required(j, "", "params"), "params", defaults);
    if (j.contains("view")) s.view = read_view_spec(r, j["view"], "view");
    if (j.contains("screenshot_dir") && j["screenshot_dir"] != "")
        s.screenshot_dir = r.text(j["screenshot_dir"], "screenshot_dir");
    if (j.contains("recent")) {
        const Json& recent = j["recent"];
        if (!recent.is_array()) r.fail("recent", "must be a list of files");
        for (std::size_t i = 0; i < recent.size() && s.recent.size() < kMaxSessionRecent; ++i)
            s.recent.push_back(r.text(recent[i], "recent[" + std::to_string(i) + "]"));
    }
    if (j.contains("history")) {
        try {
            read_history(r, j["history"], defaults, s);
        } catch (const InputError& e) {
            s.history.clear();
            s.history_at = 0;
            s.history_problem = e.what();
        }
    }
    return s;
}

std::string session_to_json(const SessionData& s) {
    Json j;
    j["params"] = params_json(s.params);
    j["view"] = view_spec_json(s.view);
    j["screenshot_dir"] = s.screenshot_dir;
    j["recent"] = s.recent;
    if (!s.history.empty()) {
        Json states = Json::array();
        for (const State& state : s.history) {
            Params p = state.params;
            p.image_width = s.params.image_width;
            p.image_height = s.params.image_height;
            states.push_back({{"params", params_json(p)}, {"view", view_spec_json(state.view)}});
        }
        j["history"] = {{"at", s.history_at}, {"states", std::move(states)}};
    }
    return j.dump(2) + "\n";
}

}  // namespace primordial::core
