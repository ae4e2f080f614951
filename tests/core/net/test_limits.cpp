#include <doctest/doctest.h>

#include <cmath>

#include "core/net/limits.hpp"
#include "core/net/params.hpp"

using namespace primordial::core;

TEST_CASE("typed values come within the command line's limits, and the change is said") {
    const Clamped d = clamp_to_range(Setting::depth, 100000);
    CHECK(d.value == Limits::max_depth);
    CHECK(d.note == "depth 100000 is more than 256: set to 256");
    CHECK(clamp_to_range(Setting::depth, 40).note.empty());
    CHECK(clamp_to_range(Setting::depth, 40).value == 40);
    CHECK(clamp_to_range(Setting::width, 5000).value == Limits::max_width);
    const Clamped e = clamp_to_range(Setting::extent, 0);
    CHECK(e.value == Limits::min_extent);
    CHECK(e.note == "extent 0 is less than 1e-12: set to 1e-12");
    const Clamped s = clamp_to_range(Setting::scale, 0);
    CHECK(s.value > 0);
    CHECK(s.note.find("weight scale 0 is not more than 0") == 0);
    CHECK(clamp_to_range(Setting::bias_scale, 0).note.empty());  // no biases is allowed
    CHECK(clamp_to_range(Setting::side, 40000).value == Limits::max_side);
    CHECK(!clamp_to_range(Setting::z, std::nan("")).note.empty());
    // Whatever the panel sets passes validate().
    Params p;
    p.network.depth = static_cast<int>(clamp_to_range(Setting::depth, 1e9).value);
    p.network.widths = {4};
    p.view.extent = clamp_to_range(Setting::extent, -3).value;
    p.network.scale = clamp_to_range(Setting::scale, -1).value;
    CHECK_NOTHROW(validate(p));
}

TEST_CASE("a seed is a whole number from 0 to 2^64 - 1, as on the command line") {
    CHECK(parse_seed("0") == 0);
    CHECK(parse_seed("18446744073709551615") == 18446744073709551615ull);
    CHECK_THROWS_WITH_AS(parse_seed("-1"), "must be a whole number >= 0 (got -1)", InputError);
    CHECK_THROWS_WITH_AS(parse_seed("18446744073709551616"),
                         "'18446744073709551616' is larger than 2^64 - 1", InputError);
    CHECK_THROWS_WITH_AS(parse_seed("12a"), "'12a' is not a whole number", InputError);
    CHECK_THROWS_AS(parse_seed(""), InputError);
}
