#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

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
