// The settings of a shared network in one line, for a page's caption and a shader's header.
#pragma once

#include <string>

#include "core/net/params.hpp"

namespace primordial::share {

// "depth 27 · width 30 · tanh · uniform range 0.6 · seed 1" (the widths and activations as
// lists where layers differ).
std::string caption(const core::Params& params);

}  // namespace primordial::share
