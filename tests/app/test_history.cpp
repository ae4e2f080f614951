#include <doctest/doctest.h>

#include "app/history.hpp"

using namespace primordial;
using namespace primordial::app;

namespace {
core::State with_seed(std::uint64_t seed) {
    core::State s;
    s.params.network.seed = seed;
    return s;
}
}  // namespace

TEST_CASE("undo and redo walk back and forth through the changes") {
    History h(with_seed(1));
    CHECK_FALSE(h.can_undo());
    h.record(with_seed(2), false);
    h.record(with_seed(3), false);
    CHECK(h.undo() == with_seed(2));
    CHECK(h.undo() == with_seed(1));
    CHECK(h.undo() == with_seed(1));  // nothing older
    CHECK(h.redo() == with_seed(2));
    CHECK(h.redo() == with_seed(3));
    CHECK_FALSE(h.can_redo());
    // Undo, then a new change: the undone future is gone.
    h.undo();
    h.record(with_seed(9), false);
    CHECK_FALSE(h.can_redo());
    CHECK(h.undo() == with_seed(2));
}

TEST_CASE("a continuous gesture is one step; the same state is not recorded twice") {
    History h(with_seed(1));
    for (std::uint64_t s = 10; s < 20; ++s) h.record(with_seed(s), true);  // a slider drag
    h.record(with_seed(19), false);                                        // released: nothing new
    CHECK(h.size() == 2);
    h.record(with_seed(30), true);  // a new gesture
    CHECK(h.size() == 3);
    CHECK(h.undo() == with_seed(19));
    CHECK(h.undo() == with_seed(1));
}

TEST_CASE("views and hand-set weights are part of the state; the window size is not") {
    core::Params p;
    p.image_width = 800;
    core::ViewSpec v;
    v.kind = core::ViewKind::grid;
    const core::State s = tracked_state(p, v);
    CHECK(s.params.image_width == 0);
    p.image_width = 1200;
    CHECK(tracked_state(p, v) == s);
    History h(s);
    v.kind = core::ViewKind::neurons;
    h.record(tracked_state(p, v), false);
    CHECK(h.undo().view.kind == core::ViewKind::grid);
}

TEST_CASE("the history keeps its most recent steps") {
    History h(with_seed(0), 5);
    for (std::uint64_t s = 1; s <= 20; ++s) h.record(with_seed(s), false);
    CHECK(h.size() == 5);
    for (int i = 0; i < 10; ++i) h.undo();
    CHECK(h.current() == with_seed(16));
}
