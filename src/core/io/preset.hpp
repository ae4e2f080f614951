// Presets: the article's figures (and a few networks of our own) as files in assets/presets,
// compiled into the binary. A preset is parameters plus a view and a default picture size.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/io/view_json.hpp"
#include "core/net/animation.hpp"
#include "core/net/params.hpp"
#include "core/views/sheet.hpp"

namespace primordial::core {

// A preset's "params" may leave out "format": in primordial-preset/N they are primordial/N.
inline constexpr std::string_view kPresetFormat = "primordial-preset/3";
inline constexpr std::string_view kPresetFormat2 = "primordial-preset/2";
inline constexpr std::string_view kPresetFormat1 = "primordial-preset/1";

struct Preset {
    std::string name;   // file name without .json: "fig19-weight-scale"
    int figure = 0;     // the article's figure number, 0 for our own
    std::string title;  // one line
    Params params;      // image_width/height: the whole figure's default size
    ViewSpec view;
    std::optional<Animation> animation;  // figures 2 and 20 are animations
};

// Parses a preset file; throws InputError "<source>: <key>: <problem>".
Preset preset_from_json(std::string_view text, const std::string& source);
std::string preset_to_json(const Preset& p);  // pretty; preset_from_json reads it back

// Parameters and a view from a parameter file, a preset, or a PNG that Primordial wrote (its
// view too, when it has one): what the explorer opens, pastes and restores.
struct State {
    Params params;
    ViewSpec view;
    bool has_view = false;  // the source had a view of its own: a preset, or a view's PNG
    // The same state, wherever it came from.
    bool operator==(const State& o) const { return params == o.params && view == o.view; }
};
// Keys a parameter file leaves out keep their values in `base` (a preset is complete).
State state_from_text(std::string_view text, const std::string& source, const Params& base = {});
// Any of the above from a file: JSON, a PNG (its view travels in a chunk of its own) or a page
// from `primordial share`. The one reader of "a state": every command's --params, explore FILE,
// and the explorer's Open, drop and bookmarks.
State state_from_file(const std::filesystem::path& path, const Params& base = {});

// The presets built into the binary, figures first in figure order, then by name.
const std::vector<Preset>& builtin_presets();
// By figure number ("19") or name; nullptr when there is none.
const Preset* find_preset(std::string_view key);

}  // namespace primordial::core
