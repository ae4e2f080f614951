// The limits of every setting a person types, in one table: validate() and the file reader
// enforce them, the command line checks its flags and writes its help from them, the explorer's
// panel brings typed values within them, saying so, and docs/PARAMETERS.md's table is theirs
// (a test compares). Also the one parser of typed numbers.
#pragma once

#include <cstddef>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace primordial::core {

// Bad user input (a flag, a key, a file). Front ends turn it into exit code 2.
struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A setting's value out of range: the setting apart from the problem, so each front end names it
// its own way ("--depth", "network.depth").
struct InvalidSetting : InputError {
    InvalidSetting(const std::string& key, const std::string& what)
        : InputError(key + ": " + what), setting(key), problem(what) {}
    std::string setting, problem;
};

struct Limits {
    static constexpr int max_depth = 256;
    static constexpr int max_width = 1024;
    static constexpr std::size_t max_lineage_steps = 4096;  // breeding steps, mates' included
    static constexpr std::int64_t max_weights = 16'000'000;
    static constexpr int max_side = 32768;
    static constexpr double max_abs_center = 1e12;
    static constexpr double min_extent = 1e-12;
    static constexpr double max_extent = 1e12;
    static constexpr double max_scale = 1e6;
    static constexpr double max_abs_z = 1e6;
    static constexpr int max_supersample = 4;
    // stats: sample points (grid and circle) times the widest layer, each held as a double in
    // a few buffers: about 300 MB at the most, refused before anything is allocated (the
    // explorer's 64 x 64 grid and 4096 circle points fit at the widest layers).
    static constexpr std::int64_t max_stats_values = 12'000'000;
    // stats --detail: multiply-adds in all (radii x points x 3 x seeds x the network's), about
    // half an hour on a laptop core.
    static constexpr double max_detail_multiply_adds = 2e12;
};

enum class Setting { depth, width, scale, bias_scale, extent, center, z, t, supersample, side };

struct Range {
    Setting setting;
    std::string_view name;  // as a person reads it: "depth", "bias scale"
    std::string_view key;   // in parameter files, and the flag's name: "bias_scale"
    double lo, hi;
    bool lo_open;  // lo itself is not allowed (a scale must be > 0)
    bool whole;    // whole numbers only
};
// In Setting's order.
inline constexpr Range kRangeTable[] = {
    {Setting::depth, "depth", "depth", 1, Limits::max_depth, false, true},
    {Setting::width, "width", "width", 1, Limits::max_width, false, true},
    {Setting::scale, "weight scale", "scale", 0, Limits::max_scale, true, false},
    {Setting::bias_scale, "bias scale", "bias_scale", 0, Limits::max_scale, false, false},
    {Setting::extent, "extent", "extent", Limits::min_extent, Limits::max_extent, false, false},
    {Setting::center, "centre", "center", -Limits::max_abs_center, Limits::max_abs_center, false,
     false},
    {Setting::z, "z", "z", -Limits::max_abs_z, Limits::max_abs_z, false, false},
    {Setting::t, "t", "t", -Limits::max_abs_z, Limits::max_abs_z, false, false},
    {Setting::supersample, "supersample", "supersample", 1, Limits::max_supersample, false, true},
    {Setting::side, "image side", "size", 1, Limits::max_side, false, true},
};
const Range& range(Setting s);

// The range in words for help texts and docs: "1 - 256", "> 0, at most 1e+06", "within +-1e+06".
std::string range_text(Setting s);
// Why `value` is outside the setting's range ("must be between 1 and 256 (got 300)"), or "".
std::string range_problem(Setting s, double value);
// Throws InvalidSetting(key, problem) when `value` is outside the range; `key` names it as the
// caller does (the table's key by default).
void check_setting(Setting s, double value, std::string_view key = {});

// A typed value brought within its setting's range. `note` says what happened ("depth 100000 is
// more than 256: set to 256"); it is empty when the value was already within.
struct Clamped {
    double value;
    std::string note;
};
Clamped clamp_to_range(Setting s, double value);

// Numbers as typed (flags, fields), locale-independent. Each throws InputError with the problem
// ("'x' is not a number"), for the caller to prefix with a flag or a label.
double parse_real(std::string_view text);  // finite only
long long parse_whole(std::string_view text);
// A seed: a whole number from 0 to 2^64 - 1 ("must be a whole number >= 0 (got -1)").
std::uint64_t parse_seed(std::string_view text);

}  // namespace primordial::core
