// Versioned JSON parameter files ("format": "primordial/3") and the weights dump.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/net/network.hpp"
#include "core/net/params.hpp"

namespace primordial::core {

// Formats 2 and 3 changed what a missing bias key means (BiasRule), and format 3 the default
// view centre and seed; older files are read as they were written: format 1 with biases on the
// weights' scale on every layer, format 2 with the quarter rule, both centred on the origin
// with seed 1 where they leave those out.
inline constexpr std::string_view kParamsFormat = "primordial/3";
inline constexpr std::string_view kParamsFormat2 = "primordial/2";
inline constexpr std::string_view kParamsFormat1 = "primordial/1";
inline constexpr std::string_view kWeightsFormat = "primordial-weights/1";

std::string params_to_json(const Params& p);  // pretty, stable key order
// A web page written by `primordial share` carries its parameter file in this element.
inline constexpr std::string_view kPageParamsOpen =
    R"(<script type="application/json" id="primordial-params">)";
// The parameter file inside such a page, or nothing when `html` has none.
std::optional<std::string> params_in_page(std::string_view html);
// Parses a parameter file. Keys missing from the file keep their values in `base`.
// Throws InputError "<source>: <key>: <problem>" for anything malformed.
Params params_from_json(std::string_view text, const std::string& source, Params base = {});

std::string weights_to_json(const Network& net, const ViewParams& view);

}  // namespace primordial::core
