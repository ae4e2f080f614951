// Strict parsing of flag values: every error names the flag and what was wrong.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/net/params.hpp"

namespace primordial::cli {

// " (1 - 256)": a setting's range from the limits table, for a flag's help text.
std::string range_note(core::Setting s);
// A CLI11 check of a whole-numbered setting's range from the same table.
CLI::Range setting_range(core::Setting s);

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
