// What the explorer remembers as settings, apart from the session (state): which panel sections
// are open and how exports are made. $XDG_CONFIG_HOME/primordial/settings.json; a damaged file is
// said and the defaults stand in.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include "app/actions.hpp"

namespace primordial::app {

struct Settings {
    std::map<std::string, bool> sections;  // panel section -> open
    int export_width = 0, export_height = 0, export_supersample = 2, export_bit_depth = 8;
    std::string animation_video;  // "", ".mp4", ".webm" or ".gif"
    int animation_fps = 30;
    std::vector<live::MidiBinding> midi;  // MIDI learn's bindings
    bool operator==(const Settings&) const = default;
};

Settings settings_of(const ExplorerState& s);
void apply_settings(const Settings& settings, ExplorerState& s);

struct LoadedSettings {
    Settings settings;
    std::string warning;  // non-empty when the file was there but could not be used
};
LoadedSettings load_settings(const std::filesystem::path& file);
void save_settings(const std::filesystem::path& file, const Settings& s);  // throws on failure

}  // namespace primordial::app
