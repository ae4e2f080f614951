#include "app/settings.hpp"

#include "core/io/atomic_file.hpp"
#include "core/io/json_reader.hpp"
#include "core/net/limits.hpp"

namespace primordial::app {

inline constexpr const char* kSettingsFormat = "primordial-settings/1";

Settings settings_of(const ExplorerState& s) {
    return {s.sections,         s.export_width,    s.export_height, s.export_supersample,
            s.export_bit_depth, s.animation_video, s.animation_fps, s.midi_bindings};
}

void apply_settings(const Settings& settings, ExplorerState& s) {
    s.sections = settings.sections;
    s.export_width = settings.export_width;
    s.export_height = settings.export_height;
    s.export_supersample = settings.export_supersample;
    s.export_bit_depth = settings.export_bit_depth;
    s.animation_video = settings.animation_video;
    s.animation_fps = settings.animation_fps;
    s.midi_bindings = settings.midi;
}

namespace {

// [{"channel": 0-15, "controller": 0-127, "control": "scale", "lo": 0.1, "hi": 3}, ...]
std::vector<live::MidiBinding> read_midi(const core::JsonReader& reader, const core::Json& j) {
    if (!j.is_array() || j.size() > live::kMaxMidiBindings)
        reader.fail("midi", "must be a list of at most " + std::to_string(live::kMaxMidiBindings) +
                                " bindings");
    std::vector<live::MidiBinding> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const std::string at = "midi[" + std::to_string(i) + "]";
        reader.object(j[i], at, {"channel", "controller", "control", "lo", "hi"});
        live::MidiBinding b;
        b.channel = static_cast<int>(
            reader.integer(reader.required(j[i], at, "channel"), at + ".channel", 0, 15));
        b.controller = static_cast<int>(
            reader.integer(reader.required(j[i], at, "controller"), at + ".controller", 0, 127));
        const std::string name = reader.text(reader.required(j[i], at, "control"), at + ".control");
        const live::Control* c = live::find_control(std::string(live::kAddressPrefix) + name);
        if (!c) reader.fail(at + ".control", "unknown control '" + name + "'");
        b.control = c->id;
        b.lo = reader.number(reader.required(j[i], at, "lo"), at + ".lo");
        b.hi = reader.number(reader.required(j[i], at, "hi"), at + ".hi");
        out.push_back(b);
    }
    return out;
}

}  // namespace

LoadedSettings load_settings(const std::filesystem::path& file) {
    LoadedSettings r;
    std::error_code ec;
    if (!std::filesystem::exists(file, ec)) return r;
    try {
        const core::JsonReader reader(file.string());
        const core::Json j = reader.parse(core::read_text_file(file));
        reader.object(j, "", {"format", "sections", "export", "animation", "midi"});
        if (reader.text(reader.required(j, "", "format"), "format") != kSettingsFormat)
            reader.fail("format", std::string("expected ") + kSettingsFormat);
        Settings& s = r.settings;
        if (j.contains("sections")) {
            const core::Json& sections = j["sections"];
            if (!sections.is_object() || sections.size() > 64)
                reader.fail("sections", "must be an object of at most 64 names");
            for (const auto& [name, open] : sections.items())
                s.sections[name] = reader.boolean(open, "sections." + name);
        }
        if (j.contains("export")) {
            const core::Json& e = j["export"];
            reader.object(e, "export", {"width", "height", "supersample", "bit_depth"});
            const int side = core::Limits::max_side;
            if (e.contains("width"))
                s.export_width = reader.integer(e["width"], "export.width", 0, side);
            if (e.contains("height"))
                s.export_height = reader.integer(e["height"], "export.height", 0, side);
            if (e.contains("supersample"))
                s.export_supersample = reader.integer(e["supersample"], "export.supersample", 1, 4);
            if (e.contains("bit_depth")) {
                s.export_bit_depth = reader.integer(e["bit_depth"], "export.bit_depth", 8, 16);
                if (s.export_bit_depth != 8 && s.export_bit_depth != 16)
                    reader.fail("export.bit_depth", "must be 8 or 16");
            }
        }
        if (j.contains("animation")) {
            const core::Json& a = j["animation"];
            reader.object(a, "animation", {"video", "fps"});
            if (a.contains("video")) {
                if (!a["video"].is_string()) reader.fail("animation.video", "must be a string");
                s.animation_video = a["video"].get<std::string>();
                if (!s.animation_video.empty() && s.animation_video != ".mp4" &&
                    s.animation_video != ".webm" && s.animation_video != ".gif")
                    reader.fail("animation.video", "must be \"\", .mp4, .webm or .gif");
            }
            if (a.contains("fps"))
                s.animation_fps = reader.integer(a["fps"], "animation.fps", 1, 240);
        }
        if (j.contains("midi")) s.midi = read_midi(reader, j["midi"]);
    } catch (const std::exception& e) {
        r = {Settings{}, "ignored the settings (" + std::string(e.what()) + ")"};
    }
    return r;
}

void save_settings(const std::filesystem::path& file, const Settings& s) {
    std::filesystem::create_directories(file.parent_path());
    core::Json j;
    j["format"] = kSettingsFormat;
    j["sections"] = core::Json::object();
    for (const auto& [name, open] : s.sections) j["sections"][name] = open;
    j["export"] = {{"width", s.export_width},
                   {"height", s.export_height},
                   {"supersample", s.export_supersample},
                   {"bit_depth", s.export_bit_depth}};
    j["animation"] = {{"video", s.animation_video}, {"fps", s.animation_fps}};
    if (!s.midi.empty()) {
        j["midi"] = core::Json::array();
        for (const live::MidiBinding& b : s.midi)
            j["midi"].push_back({{"channel", b.channel},
                                 {"controller", b.controller},
                                 {"control", std::string(live::control(b.control).name)},
                                 {"lo", b.lo},
                                 {"hi", b.hi}});
    }
    core::write_text_file(file, j.dump(2) + "\n");
}

}  // namespace primordial::app
