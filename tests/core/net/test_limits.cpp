#include <doctest/doctest.h>

#include <cmath>
#include <fstream>
#include <iterator>

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

TEST_CASE("one table of ranges: validation, messages, help text and the docs read it") {
    for (const Range& r : kRangeTable) {
        CAPTURE(r.name);
        CHECK(&range(r.setting) == &r);
        // Inside, at the ends, and beyond each end.
        CHECK(range_problem(r.setting, r.hi).empty());
        CHECK(!range_problem(r.setting, r.hi * 2 + 1).empty());
        CHECK(range_problem(r.setting, r.lo).empty() == !r.lo_open);
        CHECK(range_problem(r.setting, NAN) == "must be a finite number");
        // The clamp brings a value beyond the range to one the check accepts.
        CHECK(range_problem(r.setting, clamp_to_range(r.setting, r.hi * 3 + 1).value).empty());
        CHECK(range_problem(r.setting, clamp_to_range(r.setting, r.lo - 1).value).empty());
    }
    CHECK(range_problem(Setting::depth, 300) == "must be between 1 and 256 (got 300)");
    CHECK(range_problem(Setting::depth, 2.5) == "must be a whole number (got 2.5)");
    CHECK(range_problem(Setting::scale, 0) == "must be > 0 (got 0)");
    CHECK(range_problem(Setting::extent, 0) == "must be >= 1e-12 (got 0)");
    CHECK(range_problem(Setting::z, -2e6) == "must be within +-1e+06 (got -2e+06)");
    CHECK_THROWS_WITH(check_setting(Setting::width, 0, "--width"),
                      "--width: must be between 1 and 1024 (got 0)");
    Params p;
    p.network.bias_scale = -1;
    CHECK_THROWS_WITH(validate(p), "bias_scale: must be >= 0 (got -1)");

    // docs/PARAMETERS.md's limits table holds each row as the table writes it.
    std::ifstream in(std::string(PRIMORDIAL_SOURCE_DIR) + "/docs/PARAMETERS.md");
    const std::string docs{std::istreambuf_iterator<char>(in), {}};
    REQUIRE(!docs.empty());
    for (const Range& r : kRangeTable) {
        const std::string row = "| " + std::string(r.name) + " | " + range_text(r.setting) + " |\n";
        CAPTURE(row);
        CHECK(docs.find(row) != std::string::npos);
    }
}

TEST_CASE("one parser of typed numbers") {
    CHECK(parse_real("-2.5e3") == -2500);
    CHECK_THROWS_WITH(parse_real("1,5"), "'1,5' is not a number");
    CHECK_THROWS_WITH(parse_real("inf"), "must be a finite number (got inf)");
    CHECK(parse_whole("-42") == -42);
    CHECK_THROWS_WITH(parse_whole("4.0"), "'4.0' is not a whole number");
    CHECK_THROWS_WITH(parse_whole("99999999999999999999"),
                      "'99999999999999999999' is out of range");
}
