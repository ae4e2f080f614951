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
    const Range& r = kRangeTable[static_cast<int>(s)];
    if (r.setting != s) throw std::logic_error("kRangeTable is not in Setting's order");
    return r;
}

std::string range_text(Setting s) {
    const Range& r = range(s);
    if (r.lo == -r.hi) return std::string("within +-") + num(r.hi);
    if (r.lo_open) return std::string("> ") + num(r.lo) + ", at most " + num(r.hi);
    return num(r.lo) + " - " + num(r.hi);
}

std::string range_problem(Setting s, double value) {
    const Range& r = range(s);
    const std::string got = std::string(" (got ") + num(value) + ")";
    if (!std::isfinite(value)) return "must be a finite number";
    if (r.whole && value != std::floor(value)) return std::string("must be a whole number") + got;
    const bool low = r.lo_open ? value <= r.lo : value < r.lo;
    if (!low && value <= r.hi) return "";
    if (r.whole) return std::string("must be between ") + num(r.lo) + " and " + num(r.hi) + got;
    if (r.lo == -r.hi) return std::string("must be within +-") + num(r.hi) + got;
    if (low) return std::string(r.lo_open ? "must be > " : "must be >= ") + num(r.lo) + got;
    return std::string("must be at most ") + num(r.hi) + got;
}

void check_setting(Setting s, double value, std::string_view key) {
    const std::string problem = range_problem(s, value);
    if (problem.empty()) return;
    throw InvalidSetting(std::string(key.empty() ? range(s).key : key), problem);
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

double parse_real(std::string_view text) {
    double v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (text.empty() || ec != std::errc() || ptr != end)
        throw InputError("'" + std::string(text) + "' is not a number");
    if (!std::isfinite(v))
        throw InputError("must be a finite number (got " + std::string(text) + ")");
    return v;
}

long long parse_whole(std::string_view text) {
    long long v = 0;
    const char* end = text.data() + text.size();
    const auto [ptr, ec] = std::from_chars(text.data(), end, v);
    if (ec == std::errc::result_out_of_range)
        throw InputError("'" + std::string(text) + "' is out of range");
    if (text.empty() || ec != std::errc() || ptr != end)
        throw InputError("'" + std::string(text) + "' is not a whole number");
    return v;
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
