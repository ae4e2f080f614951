#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "app/session.hpp"
#include "core/lineage.hpp"
#include "core/network.hpp"

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
