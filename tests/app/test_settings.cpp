#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/settings.hpp"

using namespace primordial::app;
namespace fs = std::filesystem;

TEST_CASE("settings: open sections and the export's settings survive a restart") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "settings";
    fs::remove_all(d);
    const fs::path file = d / "settings.json";
    CHECK(load_settings(file).settings == Settings{});  // none yet: the defaults, no warning
    CHECK(load_settings(file).warning.empty());

    ExplorerState s;
    s.sections = {{"Export", true}, {"Network", false}};
    s.export_width = 4096;
    s.export_height = 2048;
    s.export_supersample = 3;
    s.export_bit_depth = 16;
    s.animation_video = ".webm";
    s.animation_fps = 24;
    save_settings(file, settings_of(s));
    const LoadedSettings r = load_settings(file);
    CHECK(r.warning.empty());
    ExplorerState again;
    apply_settings(r.settings, again);
    CHECK(settings_of(again) == settings_of(s));
    CHECK(again.sections.at("Export"));
    CHECK_FALSE(again.sections.at("Network"));
}

TEST_CASE("damaged or hostile settings are said and the defaults stand in") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "settings_bad";
    fs::remove_all(d);
    fs::create_directories(d);
    for (const char* text : {
             "{ truncated",
             "{\"format\": \"primordial-settings/9\"}",
             "{\"format\": \"primordial-settings/1\", \"export\": {\"supersample\": 9}}",
             "{\"format\": \"primordial-settings/1\", \"export\": {\"bit_depth\": 12}}",
             "{\"format\": \"primordial-settings/1\", \"export\": {\"width\": -5}}",
             "{\"format\": \"primordial-settings/1\", \"animation\": {\"video\": \".exe\"}}",
             "{\"format\": \"primordial-settings/1\", \"sections\": {\"Export\": 1}}",
             "{\"format\": \"primordial-settings/1\", \"wallpaper\": true}",
         }) {
        CAPTURE(text);
        std::ofstream(d / "settings.json") << text;
        const LoadedSettings r = load_settings(d / "settings.json");
        CHECK(r.settings == Settings{});
        CHECK(r.warning.rfind("ignored the settings (", 0) == 0);
        CHECK(r.warning.find("settings.json") != std::string::npos);
    }
}

TEST_CASE("MIDI learn's bindings are kept with the settings, and bad ones are named") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "settings_midi";
    fs::remove_all(d);
    const fs::path file = d / "settings.json";
    ExplorerState s;
    s.midi_bindings = {{2, 21, primordial::live::ControlId::scale, 0.01, 3},
                       {0, 7, primordial::live::ControlId::depth, 1, 64}};
    save_settings(file, settings_of(s));
    std::ifstream in(file);
    const std::string text{std::istreambuf_iterator<char>(in), {}};
    CHECK(text.find("\"control\": \"scale\"") != std::string::npos);
    const LoadedSettings r = load_settings(file);
    CHECK(r.warning.empty());
    CHECK(r.settings.midi == s.midi_bindings);

    std::ofstream(file) << R"({"format": "primordial-settings/1", "midi": [{"channel": 16,
        "controller": 1, "control": "scale", "lo": 0, "hi": 1}]})";
    CHECK(load_settings(file).warning ==
          "ignored the settings (" + file.string() +
              ": midi[0].channel: must be between 0 and 15 (got 16))");
    std::ofstream(file) << R"({"format": "primordial-settings/1", "midi": [{"channel": 1,
        "controller": 1, "control": "volume", "lo": 0, "hi": 1}]})";
    CHECK(load_settings(file).warning == "ignored the settings (" + file.string() +
                                             ": midi[0].control: unknown control 'volume')");
}
