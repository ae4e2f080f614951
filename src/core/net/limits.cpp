#include "core/net/limits.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace primordial::core {
namespace {

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

const Range& range(Setting s) {
    // Indexed by Setting.
    static constexpr Range kRanges[] = {
        {"depth", 1, Limits::max_depth, false, true},
        {"width", 1, Limits::max_width, false, true},
        {"weight scale", 0, Limits::max_scale, true, false},
        {"bias scale", 0, Limits::max_scale, false, false},
        {"extent", Limits::min_extent, Limits::max_extent, false, false},
        {"centre", -Limits::max_abs_center, Limits::max_abs_center, false, false},
        {"z", -Limits::max_abs_z, Limits::max_abs_z, false, false},
        {"t", -Limits::max_abs_z, Limits::max_abs_z, false, false},
        {"supersample", 1, Limits::max_supersample, false, true},
        {"size", 1, Limits::max_side, false, true},
    };
    return kRanges[static_cast<int>(s)];
}

Clamped clamp_to_range(Setting s, double value) {
    const Range& r = range(s);
    const std::string name(r.name);
    if (std::isnan(value)) return {r.lo_open ? r.hi : r.lo, name + " must be a number"};
    double v = r.whole ? std::round(value) : value;
    std::string note;
    if (v > r.hi) {
        note = name + " " + num(value) + " is more than " + num(r.hi) + ": set to " + num(r.hi);
        v = r.hi;
    } else if (v < r.lo || (r.lo_open && v <= r.lo)) {
        // An open bound has no smallest value: the smallest the panel offers.
        const double lo = r.lo_open ? std::max(r.lo, 1e-6) : r.lo;
        note = name + " " + num(value) + (r.lo_open ? " is not more than " : " is less than ") +
               num(r.lo) + ": set to " + num(lo);
        v = lo;
    }
    return {v, note};
}

std::uint64_t parse_seed(std::string_view text) {
    const std::string got = " (got " + std::string(text) + ")";
    if (!text.empty() && text.front() == '-') throw InputError("must be a whole number >= 0" + got);
    std::uint64_t v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec == std::errc::result_out_of_range)
        throw InputError("'" + std::string(text) + "' is larger than 2^64 - 1");
    if (text.empty() || ec != std::errc() || ptr != end)
        throw InputError("'" + std::string(text) + "' is not a whole number");
    return v;
}

}  // namespace primordial::core
