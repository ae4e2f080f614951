// A view (what several tiles show: ViewSpec) as JSON: the "view" of presets, of a view's PNG
// chunk and of the saved session.
#pragma once

#include <string>
#include <string_view>

#include "core/views/sheet.hpp"

namespace primordial::core {

std::string view_to_json(const ViewSpec& v);  // compact
// Throws InputError "<source>: view.<key>: <problem>".
ViewSpec view_from_json(std::string_view text, const std::string& source);

}  // namespace primordial::core
