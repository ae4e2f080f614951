#include <doctest/doctest.h>

#include "app/notices.hpp"

using namespace primordial::app;
using namespace std::chrono_literals;

TEST_CASE("a notice shows for a few seconds, a problem longer, and a later one replaces it") {
    Notices n;
    const auto t0 = Notices::Clock::time_point{} + 100s;
    CHECK(n.current(t0).empty());
    n.post("undone", t0);
    CHECK(n.current(t0 + 1s) == "undone");
    CHECK(!n.problem());
    CHECK(n.current(t0 + Notices::kShown + 1ms).empty());  // "undone" does not stay on screen
    n.post("not applied: width: ...", t0, true);
    CHECK(n.problem());
    CHECK(n.current(t0 + Notices::kShown + 1s) == "not applied: width: ...");
    CHECK(n.current(t0 + Notices::kProblemShown + 1ms).empty());
    n.post("saved a.png", t0 + 2s);
    CHECK(n.current(t0 + 3s) == "saved a.png");
}

TEST_CASE("a notice posted again and again while it shows still leaves after its seconds") {
    Notices n;
    const auto t0 = Notices::Clock::time_point{} + 100s;
    // A clamped value re-posted on every frame for a minute (issue 23: one stayed over a minute).
    for (auto t = t0; t < t0 + 60s; t += 16ms)
        n.post("depth 300 is more than 256: set to 256", t, true);
    CHECK(n.current(t0 + Notices::kProblemShown - 1ms) == "depth 300 is more than 256: set to 256");
    CHECK(n.current(t0 + Notices::kProblemShown + 1ms).empty());
    // Once gone, the same words are news again.
    n.post("undone", t0 + 70s);
    CHECK(n.current(t0 + 71s) == "undone");
    n.post("undone", t0 + 80s);
    CHECK(n.current(t0 + 81s) == "undone");
}
