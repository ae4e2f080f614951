// The limits of every setting a person types, in one table: validate() enforces them for files
// and flags, and the explorer's panel brings typed values within them, saying so.
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
};

enum class Setting { depth, width, scale, bias_scale, extent, center, z, t, supersample, side };

struct Range {
    std::string_view name;  // as a person reads it: "depth", "bias scale"
    double lo, hi;
    bool lo_open;  // lo itself is not allowed (a scale must be > 0)
    bool whole;    // whole numbers only
};
const Range& range(Setting s);

// A typed value brought within its setting's range. `note` says what happened ("depth 100000 is
// more than 256: set to 256"); it is empty when the value was already within.
struct Clamped {
    double value;
    std::string note;
};
Clamped clamp_to_range(Setting s, double value);

// A seed as typed: a whole number from 0 to 2^64 - 1. Throws InputError with the problem
// ("must be a whole number >= 0 (got -1)"), for the caller to prefix with a flag or a label.
std::uint64_t parse_seed(std::string_view text);

}  // namespace primordial::core
