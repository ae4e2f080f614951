// Strict parsing of flag values: every error names the flag and what was wrong.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/net/params.hpp"

namespace primordial::cli {

double parse_double(const std::string& flag, const std::string& text);
long long parse_int(const std::string& flag, const std::string& text);
std::uint64_t parse_seed(const std::string& flag, const std::string& text);
std::pair<int, int> parse_size(const std::string& flag, const std::string& text);        // "WxH"
std::pair<double, double> parse_pair(const std::string& flag, const std::string& text);  // "a,b"
std::vector<std::string> split_list(const std::string& text);                            // "a,b,c"
std::vector<int> parse_widths(const std::string& flag, const std::string& text);
std::vector<core::Activation> parse_activations(const std::string& flag, const std::string& text);
core::Activation parse_activation_flag(const std::string& flag, const std::string& text);
std::vector<core::Input> parse_inputs(const std::string& flag, const std::string& text);

}  // namespace primordial::cli
