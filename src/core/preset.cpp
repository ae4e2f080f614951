#include "core/preset.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/params_json.hpp"
#include "core/png_io.hpp"
#include "core/presets_data.hpp"

namespace primordial::core {
namespace {

using nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& source, const std::string& key, const std::string& m) {
    throw InputError(source + ": " + key + ": " + m);
}

ordered_json parse(std::string_view text, const std::string& source) {
    try {
        return ordered_json::parse(text.begin(), text.end());
    } catch (const ordered_json::exception& e) {
        std::string what = e.what();
        const auto pos = what.find("] ");
        if (pos != std::string::npos) what = what.substr(pos + 2);
        throw InputError(source + ": not valid JSON: " + what);
    }
}

void check_keys(const ordered_json& obj, const std::string& source, const std::string& path,
                std::initializer_list<std::string_view> allowed) {
    if (!obj.is_object()) fail(source, path, "must be an object");
    for (const auto& [k, v] : obj.items())
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
            fail(source, path + "." + k, "unknown key");
}

double number(const ordered_json& v, const std::string& source, const std::string& key) {
    if (!v.is_number()) fail(source, key, "must be a number");
    return v.get<double>();
}

int integer(const ordered_json& v, const std::string& source, const std::string& key, int lo, int hi) {
    if (!v.is_number_integer() || v.get<long long>() < lo || v.get<long long>() > hi)
        fail(source, key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    return static_cast<int>(v.get<long long>());
}

Sweep sweep_from(const ordered_json& j, const std::string& source, const std::string& key) {
    check_keys(j, source, key, {"param", "values", "from", "to", "count", "spacing"});
    if (!j.contains("param") || !j["param"].is_string()) fail(source, key + ".param", "missing (" + std::string(kSweepParamNames) + ")");
    const auto param = parse_sweep_param(j["param"].get<std::string>());
    if (!param) fail(source, key + ".param", "unknown '" + j["param"].get<std::string>() + "' (expected " + std::string(kSweepParamNames) + ")");
    Sweep s{*param, {}};
    if (j.contains("values")) {
        if (!j["values"].is_array()) fail(source, key + ".values", "must be a list");
        for (const auto& v : j["values"]) {
            if (*param == SweepParam::activation) {
                const auto a = v.is_string() ? parse_activation(v.get<std::string>()) : std::nullopt;
                if (!a) fail(source, key + ".values", "must be activation names (" + activation_names() + ")");
                s.values.push_back(activation_value(*a));
            } else {
                s.values.push_back(number(v, source, key + ".values"));
            }
        }
    } else {
        if (!j.contains("from") || !j.contains("to") || !j.contains("count"))
            fail(source, key, "needs \"values\", or \"from\", \"to\" and \"count\"");
        bool geometric = false;
        if (j.contains("spacing")) {
            const auto& sp = j["spacing"];
            if (!sp.is_string() || (sp != "linear" && sp != "geometric"))
                fail(source, key + ".spacing", "must be \"linear\" or \"geometric\"");
            geometric = sp == "geometric";
        }
        const double from = number(j["from"], source, key + ".from");
        const double to = number(j["to"], source, key + ".to");
        if (geometric && !(from > 0 && to > 0)) fail(source, key, "geometric spacing needs positive ends");
        s = make_sweep(*param, from, to, integer(j["count"], source, key + ".count", 1, kMaxSheetTiles), geometric);
    }
    if (s.values.empty()) fail(source, key + ".values", "needs at least one value");
    return s;
}

ordered_json sweep_to(const Sweep& s) {
    ordered_json j;
    j["param"] = std::string(to_string(s.param));
    if (s.param == SweepParam::activation) {
        std::vector<std::string> names;
        for (double v : s.values) names.emplace_back(to_string(static_cast<Activation>(static_cast<int>(v))));
        j["values"] = names;
    } else {
        j["values"] = s.values;
    }
    return j;
}

ViewSpec view_from(const ordered_json& j, const std::string& source) {
    check_keys(j, source, "view",
               {"kind", "columns", "rows", "wrap", "layer", "frames", "camera", "curve", "function"});
    ViewSpec v;
    if (!j.contains("kind") || !j["kind"].is_string()) fail(source, "view.kind", "missing (" + std::string(kViewKindNames) + ")");
    const auto kind = parse_view_kind(j["kind"].get<std::string>());
    if (!kind) fail(source, "view.kind", "unknown '" + j["kind"].get<std::string>() + "' (expected " + std::string(kViewKindNames) + ")");
    v.kind = *kind;
    if (j.contains("columns")) v.columns = sweep_from(j["columns"], source, "view.columns");
    if (j.contains("rows")) v.rows = sweep_from(j["rows"], source, "view.rows");
    if (j.contains("wrap")) v.wrap = integer(j["wrap"], source, "view.wrap", 0, kMaxSheetTiles);
    if (j.contains("layer")) v.layer = integer(j["layer"], source, "view.layer", 1, Limits::max_depth);
    if (j.contains("frames")) v.frames = integer(j["frames"], source, "view.frames", 1, kMaxProgressionFrames);
    if (j.contains("camera")) {
        const auto& c = j["camera"];
        check_keys(c, source, "view.camera", {"yaw", "pitch"});
        if (c.contains("yaw")) v.camera.yaw = number(c["yaw"], source, "view.camera.yaw");
        if (c.contains("pitch")) v.camera.pitch = std::clamp(number(c["pitch"], source, "view.camera.pitch"), 5.0, 90.0);
    }
    if (j.contains("curve")) {
        if (!j["curve"].is_boolean()) fail(source, "view.curve", "must be true or false");
        v.curve = j["curve"].get<bool>();
    }
    if (j.contains("function")) {
        const auto a = j["function"].is_string() ? parse_activation(j["function"].get<std::string>()) : std::nullopt;
        if (!a) fail(source, "view.function", "must be an activation (" + activation_names() + ")");
        v.function = *a;
    }
    if (v.kind == ViewKind::grid && !j.contains("columns")) fail(source, "view.columns", "a grid needs a sweep");
    return v;
}

Animation animation_from(const ordered_json& j, const std::string& source) {
    check_keys(j, source, "animation", {"param", "from", "to", "frames"});
    Animation a;
    if (!j.contains("param") || !j["param"].is_string()) fail(source, "animation.param", "missing (" + std::string(kAnimParamNames) + ")");
    const auto param = parse_anim_param(j["param"].get<std::string>());
    if (!param) fail(source, "animation.param", "unknown '" + j["param"].get<std::string>() + "' (expected " + std::string(kAnimParamNames) + ")");
    a.param = *param;
    for (const char* end : {"from", "to"}) {
        if (!j.contains(end)) fail(source, std::string("animation.") + end, "missing");
        const auto& v = j[end];
        double x = 0, y = 0;
        if (a.param == AnimParam::center) {
            if (!v.is_array() || v.size() != 2) fail(source, std::string("animation.") + end, "must be [x, y]");
            x = number(v[0], source, std::string("animation.") + end);
            y = number(v[1], source, std::string("animation.") + end);
        } else {
            x = number(v, source, std::string("animation.") + end);
        }
        (std::string(end) == "from" ? a.from : a.to) = x;
        (std::string(end) == "from" ? a.from_y : a.to_y) = y;
    }
    if (j.contains("frames")) a.frames = integer(j["frames"], source, "animation.frames", 1, kMaxFrames);
    return a;
}

std::vector<Preset> load_builtin() {
    std::vector<Preset> out;
    for (const EmbeddedFile& f : kPresetFiles) out.push_back(preset_from_json(f.text, std::string("assets/presets/") + f.name));
    std::sort(out.begin(), out.end(), [](const Preset& a, const Preset& b) {
        const int fa = a.figure ? a.figure : 1000, fb = b.figure ? b.figure : 1000;
        return fa != fb ? fa < fb : a.name < b.name;
    });
    return out;
}

}  // namespace

Preset preset_from_json(std::string_view text, const std::string& source) {
    const ordered_json j = parse(text, source);
    check_keys(j, source, "", {"format", "name", "figure", "title", "params", "view", "size", "animation"});
    if (!j.contains("format") || (j["format"] != kPresetFormat && j["format"] != kPresetFormat1))
        fail(source, "format", "expected \"" + std::string(kPresetFormat) + "\"");
    const bool format1 = j["format"] == kPresetFormat1;
    Preset p;
    for (const char* key : {"name", "title"})
        if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
            fail(source, key, "must be a non-empty string");
    p.name = j["name"].get<std::string>();
    p.title = j["title"].get<std::string>();
    if (j.contains("figure")) p.figure = integer(j["figure"], source, "figure", 1, 99);
    if (!j.contains("params")) fail(source, "params", "missing");
    ordered_json params = j["params"];
    if (params.is_object() && !params.contains("format"))
        params["format"] = std::string(format1 ? kParamsFormat1 : kParamsFormat);
    p.params = params_from_json(params.dump(), source + " (params)");
    if (j.contains("size")) {
        const auto& s = j["size"];
        if (!s.is_array() || s.size() != 2) fail(source, "size", "must be [width, height]");
        p.params.image_width = integer(s[0], source, "size", 16, Limits::max_side);
        p.params.image_height = integer(s[1], source, "size", 16, Limits::max_side);
    }
    p.view = j.contains("view") ? view_from(j["view"], source) : ViewSpec{};
    if (j.contains("animation")) {
        p.animation = animation_from(j["animation"], source);
        validate(p.params, *p.animation);
    }
    return p;
}

std::string view_to_json(const ViewSpec& v) {
    ordered_json j;
    j["kind"] = std::string(to_string(v.kind));
    j["columns"] = sweep_to(v.columns);
    if (v.rows) j["rows"] = sweep_to(*v.rows);
    j["wrap"] = v.wrap;
    j["layer"] = v.layer;
    j["frames"] = v.frames;
    j["camera"] = {{"yaw", v.camera.yaw}, {"pitch", v.camera.pitch}};
    if (v.curve) j["curve"] = true;
    if (v.function) j["function"] = std::string(to_string(*v.function));
    return j.dump();
}

std::string preset_to_json(const Preset& p) {
    ordered_json j;
    j["format"] = std::string(kPresetFormat);
    j["name"] = p.name;
    if (p.figure) j["figure"] = p.figure;
    j["title"] = p.title;
    j["size"] = {p.params.image_width, p.params.image_height};
    j["params"] = ordered_json::parse(params_to_json(p.params));
    j["view"] = ordered_json::parse(view_to_json(p.view));
    if (p.animation) {
        const Animation& a = *p.animation;
        ordered_json an;
        an["param"] = std::string(to_string(a.param));
        if (a.param == AnimParam::center) {
            an["from"] = {a.from, a.from_y};
            an["to"] = {a.to, a.to_y};
        } else {
            an["from"] = a.from;
            an["to"] = a.to;
        }
        an["frames"] = a.frames;
        j["animation"] = an;
    }
    return j.dump(2) + "\n";
}

State state_from_text(std::string_view text, const std::string& source, const Params& base) {
    const ordered_json j = parse(text, source);
    if (j.is_object() && j.contains("format") &&
        (j["format"] == kPresetFormat || j["format"] == kPresetFormat1)) {
        const Preset p = preset_from_json(text, source);
        return {p.params, p.view, true};
    }
    return {params_from_json(text, source, base), ViewSpec{}, false};
}

State state_from_file(const std::filesystem::path& path, const Params& base) {
    const std::string name = path.string();
    if (has_png_signature(path)) {
        const auto params = read_png_params(path);
        if (!params) throw InputError(name + " is a PNG without primordial parameters");
        State s{params_from_json(*params, name, base), ViewSpec{}, false};
        if (const auto view = read_png_view(path)) {
            s.view = view_from_json(*view, name);
            s.has_view = true;
        }
        return s;
    }
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png" && std::filesystem::is_regular_file(path))
        throw InputError(name + ": not a PNG file");
    const std::string text = read_text_file(path);
    if (ext == ".html" || ext == ".htm" || text.starts_with("<!doctype html") || text.starts_with("<!DOCTYPE html")) {
        // A page from `primordial share`: the parameters it draws.
        const auto params = params_in_page(text);
        if (!params) throw InputError(name + " is a web page without primordial parameters");
        return {params_from_json(*params, name, base), ViewSpec{}, false};
    }
    return state_from_text(text, name, base);
}

ViewSpec view_from_json(std::string_view text, const std::string& source) {
    return view_from(parse(text, source), source);
}

const std::vector<Preset>& builtin_presets() {
    static const std::vector<Preset> presets = load_builtin();  // immutable once built
    return presets;
}

const Preset* find_preset(std::string_view key) {
    for (const Preset& p : builtin_presets())
        if (p.name == key || (p.figure && std::to_string(p.figure) == key)) return &p;
    return nullptr;
}

}  // namespace primordial::core
