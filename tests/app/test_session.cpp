#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "app/session.hpp"
#include "core/net/lineage.hpp"
#include "core/net/network.hpp"

using namespace primordial;
using namespace primordial::app;
namespace fs = std::filesystem;

TEST_CASE("the session survives a restart") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "session";
    fs::remove_all(d);
    const fs::path file = d / "session.json";
    Session s{default_explorer_params(), {}, "/tmp/shots", {}};
    s.params.network.seed = 77;
    s.params.network.depth = 2;
    s.params.network.set_weights =
        primordial::core::layer_values(primordial::core::build_network(s.params.network));
    s.view.kind = primordial::core::ViewKind::grid;
    s.view.columns =
        primordial::core::make_sweep(primordial::core::SweepParam::scale, 0.5, 1, 4, true);
    s.view.breed.strength = 0.3;  // the breed view's settings, and a bred network, survive too
    s.view.breed.roll = 99;
    s.params.network.lineage = primordial::core::mutate(s.params.network, 3, 0.2, false).lineage;
    s.params.view.center_x = 0.125;
    s.params.view.extent = 0.01;
    save_session(file, s);
    const LoadResult r = load_session(file, "/default");
    CHECK(r.warning.empty());
    CHECK(r.session.params == s.params);
    CHECK(r.session.view == s.view);
    CHECK(r.session.screenshot_dir == "/tmp/shots");
}

TEST_CASE("a missing session gives the default network; a damaged one is reported and ignored") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "damaged";
    fs::remove_all(d);
    fs::create_directories(d);
    const LoadResult none = load_session(d / "none.json", "/default");
    CHECK(none.warning.empty());
    CHECK(none.session.params.network.depth == 27);
    CHECK(none.session.params.network.widths == std::vector<int>{30});
    CHECK(none.session.screenshot_dir == "/default");
    for (const char* text :
         {"{\"params\": {\"format\": \"primordial/1\", \"network\": {\"depth\": 0}}}",
          "{ truncated", "[]", "{\"params\": 5}"}) {
        std::ofstream(d / "bad.json") << text;
        const LoadResult r = load_session(d / "bad.json", "/default");
        CHECK_FALSE(r.warning.empty());
        CHECK(r.warning.find("bad.json") != std::string::npos);
        CHECK(r.session.params == default_explorer_params());
        // Kept aside, whole, rather than overwritten at quit.
        CHECK_FALSE(fs::exists(d / "bad.json"));
        std::ifstream kept(d / "bad.json.ignored");
        CHECK(std::string(std::istreambuf_iterator<char>(kept), {}) == text);
    }
}

TEST_CASE("a hostile session is refused by its nesting, and a second explorer holds no lock") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "hostile";
    fs::remove_all(d);
    fs::create_directories(d);
    std::ofstream(d / "session.json")
        << "{\"params\": " << std::string(100000, '[') << std::string(100000, ']') << "}";
    const LoadResult r = load_session(d / "session.json", "/default");
    CHECK(r.warning.find("nested deeper than 128 levels") != std::string::npos);
    CHECK(r.session.params == default_explorer_params());
    const SessionLock first(d / "session.json");
    CHECK(first.held());
    {
        const SessionLock second(d / "session.json");
        CHECK_FALSE(second.held());
    }
    const SessionLock third(d / "session.json");
    CHECK_FALSE(third.held());  // the first still holds it
}

TEST_CASE("the undo history survives a restart, bounded, and a damaged one costs only itself") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "history";
    fs::remove_all(d);
    const fs::path file = d / "session.json";
    // Three seeds, then one undo: the current state is the second, the third can be redone.
    const auto state = [](std::uint64_t seed) {
        core::Params p = default_explorer_params();
        p.network.seed = seed;
        return tracked_state(p, {});
    };
    History h(state(1));
    h.record(state(2), false);
    h.record(state(3), false);
    h.undo();
    Session s{default_explorer_params(), {}, "/tmp/shots", {}, h.saved(kMaxSavedHistory)};
    s.params.network.seed = 2;
    save_session(file, s);

    const LoadResult r = load_session(file, "/default");
    CHECK(r.warning.empty());
    REQUIRE(r.session.history.states.size() == 3);
    CHECK(r.session.history.at == 1);
    History again(r.session.history, tracked_state(r.session.params, r.session.view));
    CHECK(again.current() == state(2));  // the window opens where it was: no new step
    CHECK(again.undo() == state(1));
    CHECK(again.redo() == state(2));
    CHECK(again.redo() == state(3));

    // Opened on something else (a file, flags): a step on top of the old history.
    History other(r.session.history, state(9));
    CHECK(other.current() == state(9));
    CHECK(other.undo() == state(2));

    // Bounded: the current state and the steps before it are kept first.
    History many(state(0));
    for (std::uint64_t k = 1; k < 500; ++k) many.record(state(k), false);
    const SavedHistory kept = many.saved(kMaxSavedHistory);
    CHECK(kept.states.size() == kMaxSavedHistory);
    CHECK(kept.states[kept.at] == state(499));
    CHECK(kept.states.front() == state(500 - kMaxSavedHistory));

    // A damaged history: the session's picture stays, the history goes, and it is said.
    std::ifstream in(file);
    std::string text(std::istreambuf_iterator<char>(in), {});
    in.close();
    text.replace(text.find("\"at\": 1"), 7, "\"at\": 7");
    std::ofstream(file) << text;
    const LoadResult damaged = load_session(file, "/default");
    CHECK(damaged.session.params.network.seed == 2);
    CHECK(damaged.session.history.states.empty());
    CHECK(damaged.warning == "ignored the saved undo history (" + file.string() +
                                 ": history.at: must be between 0 and 2 (got 7))");
}

TEST_CASE(
    "a session kept with the settings by an older Primordial is moved to the state folder once") {
    const fs::path d = fs::path(PRIMORDIAL_TEST_TMP) / "app" / "move";
    fs::remove_all(d);
    const fs::path old_file = d / "config" / "session.json",
                   new_file = d / "state" / "session.json";
    CHECK(move_old_session(old_file, new_file).empty());  // nothing to move
    fs::create_directories(old_file.parent_path());
    Session s{default_explorer_params(), {}, "/tmp/shots", {"/a.png"}};
    s.params.network.seed = 41;
    save_session(old_file, s);
    std::ofstream(old_file.string() + ".lock");
    CHECK(move_old_session(old_file, new_file) == "moved the session to " + new_file.string());
    CHECK_FALSE(fs::exists(old_file));
    CHECK_FALSE(fs::exists(old_file.string() + ".lock"));
    const LoadResult r = load_session(new_file, "/default");
    CHECK(r.session.params.network.seed == 41);
    CHECK(r.session.recent == std::vector<std::string>{"/a.png"});
    // Once: a session in the state folder is never replaced by an old one.
    s.params.network.seed = 42;
    save_session(old_file, s);
    CHECK(move_old_session(old_file, new_file).empty());
    CHECK(load_session(new_file, "/default").session.params.network.seed == 41);
    CHECK(fs::exists(old_file));
}
