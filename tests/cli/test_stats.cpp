#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"
#include "core/io/png_io.hpp"

namespace fs = std::filesystem;

TEST_CASE("stats prints a table, JSON or CSV of the network it is given") {
    const fs::path d = test_dir("stats");
    const RunResult t = run_primordial({"stats", "--depth", "5", "--width", "20"});
    CHECK(t.exit_code == 0);
    CHECK(t.out.rfind("phase ", 0) == 0);
    CHECK(t.out.find("4096 sample points, 4096 on the circle") != std::string::npos);  // 64x64
    const RunResult j =
        run_primordial({"stats", "--depth", "5", "--width", "20", "--activation", "relu", "--size",
                        "20x10", "--circle-points", "100", "--format", "json"});
    REQUIRE(j.exit_code == 0);
    const auto s = nlohmann::json::parse(j.out);
    CHECK(s["format"] == "primordial-stats/1");
    CHECK(s["samples"] == 200);
    CHECK(s["circle_points"] == 100);
    CHECK(s["layers"].size() == 5);
    CHECK(s["sigma_w2"].size() == 5);
    CHECK(s["layers"][0]["activation"] == "relu");
    CHECK(s["regions"].get<long long>() > 1);
    CHECK((s["phase"] == "ordered" || s["phase"] == "critical" || s["phase"] == "chaotic"));
    const RunResult c =
        run_primordial({"stats", "--depth", "3", "--format", "csv", "-o", (d / "s.csv").string()});
    CHECK(c.exit_code == 0);
    CHECK(c.out == "");
    CHECK(read_bytes(d / "s.csv").rfind("layer,activation,width,sigma_w2", 0) == 0);
    const RunResult p = run_primordial(
        {"stats", "--depth", "8", "--size", "16x16", "--plot", (d / "q.png").string()});
    CHECK(p.exit_code == 0);
    CHECK(primordial::core::read_png(d / "q.png").width == 1200);
}

TEST_CASE("stats --detail: q and g by radius and layer, and the picture's detail") {
    const RunResult t = run_primordial(
        {"stats", "--depth", "4", "--width", "40", "--size", "8x8", "--detail", "--radii", "0,2"});
    REQUIRE(t.exit_code == 0);
    CHECK(t.out.find("detail by radius") != std::string::npos);
    CHECK(t.out.find("       2    pic ") != std::string::npos);
    const RunResult j =
        run_primordial({"stats", "--depth", "4", "--width", "40", "--size", "8x8", "--detail",
                        "--radii", "0,0.5,3", "--detail-seeds", "3", "--format", "json"});
    REQUIRE(j.exit_code == 0);
    const auto s = nlohmann::json::parse(j.out);
    REQUIRE(s["detail"].size() == 3);
    CHECK(s["detail"][2]["r"] == 3.0);
    const auto& layers = s["detail"][1]["layers"];
    REQUIRE(layers.size() == 3);  // the hidden layers
    for (std::size_t l = 0; l < 3; ++l) {
        CHECK(layers[l]["layer"] == l + 1);
        for (const char* key : {"q", "q_theory", "g", "g_theory", "q_seeds_mean", "g_seeds_mean"})
            CHECK(layers[l][key].get<double>() > 0);
    }
    const auto& picture = s["detail"][0]["picture"];
    CHECK(picture["measured"].get<double>() > 0);
    CHECK(picture["theory"].get<double>() > 0);
    CHECK(picture["seeds_mean"].get<double>() > 0);
    // Without --detail, no detail.
    const RunResult plain = run_primordial({"stats", "--depth", "3", "--format", "json"});
    CHECK(!nlohmann::json::parse(plain.out).contains("detail"));
}

TEST_CASE("stats refuses bad input with one line and exit 2") {
    const fs::path d = test_dir("stats_bad");
    for (const auto& [args, message] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"stats", "--format", "xml"}, "--format"},
             {{"stats", "--circle-points", "2"}, "--circle-points"},
             {{"stats", "--depth", "0"}, "--depth: must be between 1 and 256"},
             {{"stats", "--radii", "0,1"}, "go with --detail"},
             {{"stats", "--detail", "--radii", "0,-1"}, "--radii: a radius cannot be negative"},
             {{"stats", "--detail", "--radii", "1e300"}, "between 0 and 1e12 (got 1e+300)"},
             {{"stats", "--detail", "--detail-seeds", "1024", "--width", "1024", "--depth", "15"},
              "(hours)"},
             {{"stats", "--detail", "--radii", "0,x"}, "--radii"},
             {{"stats", "--detail", "--radii", ""}, "--radii"},
             {{"stats", "--detail", "--format", "csv"}, "not CSV"},
             {{"stats", "--detail", "--detail-points", "0"}, "--detail-points"},
             {{"stats", "--detail", "--width", "1000", "--depth", "3", "--detail-points", "60000"},
              "give fewer radii or --detail-points"},
             {{"stats", "--params", (d / "missing.json").string()}, "missing.json"}}) {
        const RunResult r = run_primordial(args);
        CAPTURE(message);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(message) != std::string::npos);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    }
}

TEST_CASE("stats on a large network reports its steps on standard error, and nothing with -q") {
    // About two seconds here: progress starts after a second of silence, one line per step
    // where standard error is not a terminal.
    const std::vector<std::string> args = {"stats", "--depth",      "5",       "--width",
                                           "300",   "--size",       "150x150", "--circle-points",
                                           "2048",  "--activation", "relu"};
    const RunResult r = run_primordial(args);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.find("stats: ") != std::string::npos);
    CHECK(r.err.find(" of 6: ") != std::string::npos);  // five layers and the region count
    CHECK(r.err.find("s left)\n") != std::string::npos);
    CHECK(r.err.find('\r') == std::string::npos);  // no terminal rewriting in a log
    auto quiet = args;
    quiet.push_back("-q");
    const RunResult q = run_primordial(quiet);
    CHECK(q.exit_code == 0);
    CHECK(q.err == "");
    CHECK(q.out == r.out);  // the same numbers
}
