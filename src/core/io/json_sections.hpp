// The sections of Primordial's JSON files, each read and written by one function that every file
// holding it shares: parameters (a parameter file, a preset's "params", a PNG's chunk, a page),
// a view (a preset's, a PNG's view chunk, a session's) and an animation (a preset's). Inside core
// only; the text-in, text-out functions are in params_json.hpp and view_json.hpp.
#pragma once

#include <string>
#include <string_view>

#include "core/io/json_reader.hpp"
#include "core/net/animation.hpp"
#include "core/net/params.hpp"
#include "core/views/sheet.hpp"

namespace primordial::core {

// A parameter object at `path` ("" for a whole parameter file). Keys it leaves out keep their
// values in `base`; without a "format" key it is read as `default_format` when one is given.
// Validated; errors name the key where it sits in the file ("network.scale").
Params read_params(const JsonReader& r, const Json& j, const std::string& path, Params base,
                   std::string_view default_format = {});
Json params_json(const Params& p);

ViewSpec read_view_spec(const JsonReader& r, const Json& j, const std::string& path);
Json view_spec_json(const ViewSpec& v);

// Not checked against parameters: validate(Params, Animation) does that.
Animation read_animation(const JsonReader& r, const Json& j, const std::string& path);
Json animation_json(const Animation& a);

}  // namespace primordial::core
