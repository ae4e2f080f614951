#include "core/io/preset.hpp"

#include <algorithm>
#include <cctype>

#include "core/io/atomic_file.hpp"
#include "core/io/json_sections.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/presets_data.hpp"

namespace primordial::core {
namespace {

std::vector<Preset> load_builtin() {
    std::vector<Preset> out;
    for (const EmbeddedFile& f : kPresetFiles)
        out.push_back(preset_from_json(f.text, std::string("assets/presets/") + f.name));
    std::sort(out.begin(), out.end(), [](const Preset& a, const Preset& b) {
        const int fa = a.figure ? a.figure : 1000, fb = b.figure ? b.figure : 1000;
        return fa != fb ? fa < fb : a.name < b.name;
    });
    return out;
}

bool is_preset(const Json& j) {
    return j.is_object() && j.contains("format") &&
           (j["format"] == kPresetFormat || j["format"] == kPresetFormat2 ||
            j["format"] == kPresetFormat1);
}

Preset read_preset(const JsonReader& r, const Json& j) {
    r.object(j, "", {"format", "name", "figure", "title", "params", "view", "size", "animation"});
    if (!is_preset(j)) r.fail("format", "expected \"" + std::string(kPresetFormat) + "\"");
    // Parameters without a format key have the preset's: primordial/1 in a preset of format 1.
    const std::string_view params_format = j["format"] == kPresetFormat1   ? kParamsFormat1
                                           : j["format"] == kPresetFormat2 ? kParamsFormat2
                                                                           : kParamsFormat;
    Preset p;
    p.name = r.text(r.required(j, "", "name"), "name");
    p.title = r.text(r.required(j, "", "title"), "title");
    if (j.contains("figure")) p.figure = static_cast<int>(r.integer(j["figure"], "figure", 1, 99));
    p.params = read_params(r, r.required(j, "", "params"), "params", {}, params_format);
    if (j.contains("size")) {
        const Json& s = j["size"];
        if (!s.is_array() || s.size() != 2) r.fail("size", "must be [width, height]");
        p.params.image_width = static_cast<int>(r.integer(s[0], "size", 16, Limits::max_side));
        p.params.image_height = static_cast<int>(r.integer(s[1], "size", 16, Limits::max_side));
    }
    if (j.contains("view")) p.view = read_view_spec(r, j["view"], "view");
    if (j.contains("animation")) {
        p.animation = read_animation(r, j["animation"], "animation");
        try {
            validate(p.params, *p.animation);
        } catch (const InputError& e) {
            throw InputError(r.source() + ": " + e.what());
        }
    }
    return p;
}

}  // namespace

Preset preset_from_json(std::string_view text, const std::string& source) {
    const JsonReader r(source);
    return read_preset(r, r.parse(text));
}

std::string preset_to_json(const Preset& p) {
    Json j;
    j["format"] = std::string(kPresetFormat);
    j["name"] = p.name;
    if (p.figure) j["figure"] = p.figure;
    j["title"] = p.title;
    j["size"] = {p.params.image_width, p.params.image_height};
    j["params"] = params_json(p.params);
    j["view"] = view_spec_json(p.view);
    if (p.animation) j["animation"] = animation_json(*p.animation);
    return j.dump(2) + "\n";
}

State state_from_text(std::string_view text, const std::string& source, const Params& base) {
    const JsonReader r(source);
    const Json j = r.parse(text);
    if (is_preset(j)) {
        Preset p = read_preset(r, j);
        return {std::move(p.params), std::move(p.view), true};
    }
    return {read_params(r, j, "", base), ViewSpec{}, false};
}

State state_from_file(const std::filesystem::path& path, const Params& base) {
    const std::string name = path.string();
    // Read once, and sniffed in memory: a pipe, standard input ("-") or /dev/fd/N cannot be
    // opened twice. A PNG is read up to its pixels only.
    const std::string bytes = read_text_file(path, kMaxTextFile, png_head_size);
    if (is_png(bytes)) {
        const auto params = png_text_chunk(bytes, kPngKeyword, name);
        if (!params) throw InputError(name + " is a PNG without primordial parameters");
        State s{params_from_json(*params, name, base), ViewSpec{}, false};
        if (const auto view = png_text_chunk(bytes, kPngViewKeyword, name)) {
            s.view = view_from_json(*view, name);
            s.has_view = true;
        }
        return s;
    }
    std::string ext = path.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".png") throw InputError(name + ": not a PNG file");
    if (ext == ".html" || ext == ".htm" || bytes.starts_with("<!doctype html") ||
        bytes.starts_with("<!DOCTYPE html")) {
        // A page from `primordial share`: the parameters it draws.
        const auto params = params_in_page(bytes);
        if (!params) throw InputError(name + " is a web page without primordial parameters");
        return {params_from_json(*params, name, base), ViewSpec{}, false};
    }
    return state_from_text(bytes, name, base);
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
