#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <limits>

#include "live/controls.hpp"
#include "live/inbox.hpp"

using namespace primordial::live;

namespace {

Message msg(std::string address, std::vector<Arg> args) {
    return {std::move(address), std::move(args), "127.0.0.1:9"};
}

// A copy: the variant is a temporary.
Value value(const std::variant<Value, std::string>& r) {
    if (const auto* problem = std::get_if<std::string>(&r)) FAIL(*problem);
    return std::get<Value>(r);
}

std::string problem(const std::variant<Value, std::string>& r) {
    const auto* p = std::get_if<std::string>(&r);
    return p ? *p : "accepted";
}

}  // namespace

TEST_CASE("every control has one address, and messages become values within the panel's limits") {
    for (const Control& c : kControlTable) {
        CAPTURE(c.name);
        CHECK(find_control(std::string(kAddressPrefix) + std::string(c.name)) == &c);
        CHECK(&control(c.id) == &c);
    }
    CHECK(find_control("/primordial/nothing") == nullptr);
    CHECK(find_control("/other/seed") == nullptr);

    CHECK(value(interpret(msg("/primordial/seed", {std::int64_t{42}}))).whole == 42);
    // A seed beyond what an int32 holds, as text or int64.
    CHECK(value(interpret(msg("/primordial/seed", {std::string("18446744073709551615")}))).whole ==
          18446744073709551615ull);
    CHECK(value(interpret(msg("/primordial/scale", {0.9}))).number[0] == doctest::Approx(0.9));
    // Beyond the limits: clamped, and said in the panel's words.
    const Value deep = value(interpret(msg("/primordial/depth", {std::int64_t{100000}})));
    CHECK(deep.whole == 256);
    CHECK(deep.note == "depth 100000 is more than 256: set to 256");
    const Value flat = value(interpret(msg("/primordial/scale", {-1.0})));
    CHECK(flat.number[0] > 0);
    CHECK(!flat.note.empty());
    const Value c = value(interpret(msg("/primordial/center", {0.5, std::int64_t{-1}})));
    CHECK(c.number[0] == 0.5);
    CHECK(c.number[1] == -1);
    CHECK(value(interpret(msg("/primordial/activation", {std::string("relu")}))).name == "relu");
    CHECK(value(interpret(msg("/primordial/view", {std::string("phase")}))).name == "phase");
    CHECK(value(interpret(msg("/primordial/state", {}))).sender == "127.0.0.1:9");
    CHECK(value(interpret(msg("/primordial/autopilot", {std::int64_t{1}}))).whole == 1);

    // What cannot be used is named in one line.
    CHECK(problem(interpret(msg("/primordial/nope", {}))) == "unknown address /primordial/nope");
    CHECK(problem(interpret(msg("/primordial/depth", {std::string("deep")}))) ==
          "/primordial/depth: expected one whole number (i)");
    CHECK(problem(interpret(msg("/primordial/depth", {2.5}))) ==
          "/primordial/depth: expected one whole number (i)");
    CHECK(problem(interpret(msg("/primordial/scale", {}))) ==
          "/primordial/scale: expected one number (f)");
    CHECK(problem(interpret(msg("/primordial/scale", {std::numeric_limits<double>::infinity()}))) ==
          "/primordial/scale: expected one number (f)");
    CHECK(problem(interpret(msg("/primordial/activation", {std::string("swish")})))
              .find("unknown activation 'swish'") != std::string::npos);
    CHECK(problem(interpret(msg("/primordial/seed", {std::int64_t{-1}}))) ==
          "/primordial/seed: a seed is a whole number from 0 to 2^64 - 1");
    CHECK(problem(interpret(msg("/primordial/autopilot", {std::int64_t{2}}))) ==
          "/primordial/autopilot: expected 0 or 1");
    CHECK(problem(interpret(msg("/primordial/bookmark", {std::int64_t{0}}))) ==
          "/primordial/bookmark: no such bookmark");
    CHECK(problem(interpret(msg("/primordial/bookmark", {1e300}))) ==
          "/primordial/bookmark: no such bookmark");
}

TEST_CASE("the inbox keeps the latest message per address, in first-come order, bounded") {
    Inbox inbox;
    for (int i = 0; i < 10000; ++i) inbox.push(msg("/primordial/scale", {0.5 + i * 1e-5}));
    inbox.push(msg("/primordial/seed", {std::int64_t{7}}));
    inbox.push(msg("/primordial/scale", {0.9}));
    Inbox::Batch b = inbox.take();
    CHECK(b.received == 10002);
    REQUIRE(b.messages.size() == 2);
    CHECK(b.messages[0].address == "/primordial/scale");
    CHECK(std::get<double>(b.messages[0].args[0]) == 0.9);
    CHECK(b.messages[1].address == "/primordial/seed");
    CHECK(inbox.take().messages.empty());

    // A flood of distinct addresses holds at most kMaxPendingAddresses, and says so once or so.
    for (int i = 0; i < 1000; ++i) inbox.push(msg("/x/" + std::to_string(i), {}));
    for (int i = 0; i < 100; ++i) inbox.problem("ignored a malformed OSC packet");
    b = inbox.take();
    CHECK(b.messages.size() == kMaxPendingAddresses);
    CHECK(b.problems.size() == kMaxPendingProblems);
    CHECK(b.problems[0].find("more than 64 addresses") != std::string::npos);
}

TEST_CASE("docs/LIVE.md lists every address as the table has it") {
    std::ifstream in(std::string(PRIMORDIAL_SOURCE_DIR) + "/docs/LIVE.md");
    const std::string docs{std::istreambuf_iterator<char>(in), {}};
    REQUIRE(!docs.empty());
    for (const Control& c : kControlTable) {
        const std::string row = "| `" + std::string(kAddressPrefix) + std::string(c.name) + "` | " +
                                std::string(arg_types(c.kind)) + " | " + std::string(c.help) +
                                " |\n";
        CAPTURE(row);
        CHECK(docs.find(row) != std::string::npos);
    }
}
