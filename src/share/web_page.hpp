// A network as one self-contained HTML page: a WebGL2 canvas that draws exactly the picture the
// CPU evaluator computes (the explorer's shader, reading the weights from a texture), with wheel
// zoom, drag and reset. The page carries the parameters, so Primordial reads it back like a PNG
// (core::params_in_page).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/net/params.hpp"

namespace primordial::share {

// The page for `params` (its network and view; the picture fills the browser window, so the
// image size only matters to whoever reopens the page in Primordial).
std::string web_page(const core::Params& params);

}  // namespace primordial::share
