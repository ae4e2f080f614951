#include <doctest/doctest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"

TEST_CASE("bench measures the machine's FMA peak in the same run and puts the CPU rows beside it") {
    const RunResult r =
        run_primordial({"bench", "--networks", "2x10", "--sizes", "32x32", "--backends", "cpu",
                        "--views", "", "--repeat", "1", "--format", "json"});
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    const auto& rows = j.at("rows");
    REQUIRE(rows.size() == 2);
    const auto& peak = rows[0];
    CHECK(peak.at("network") == "fma-peak");
    const double gflops = peak.at("gflops");
    CHECK(gflops > 0);
    CHECK(peak.at("note").get<std::string>().find("12 independent FMA chains") !=
          std::string::npos);
    const auto& cpu = rows[1];
    CHECK(cpu.at("backend") == "cpu");
    // The share printed is the row's GFLOP/s over the peak's.
    const double share = 100 * cpu.at("gflops").get<double>() / gflops;
    char expected[64];
    std::snprintf(expected, sizeof expected, "%.0f%% of the FMA peak (", share);
    const std::string note = cpu.at("note");
    CHECK(note.rfind(expected, 0) == 0);
    // and names the kernel that ran
    CHECK((note.ends_with("(avx512 kernel)") || note.ends_with("(avx2 kernel)") ||
           note.ends_with("(portable kernel)")));
}

TEST_CASE("bench says which measurement runs, n of N, on standard error; -q says nothing") {
    const std::vector<std::string> args = {"bench", "--networks", "2x10", "--sizes",
                                           "32x32", "--backends", "cpu",  "--views",
                                           "",      "--repeat",   "1"};
    const RunResult r = run_primordial(args);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.rfind("bench: 1 of 2: the FMA peak (", 0) == 0);
    CHECK(r.err.find("\nbench: 2 of 2: cpu, 2x10 at 32x32 (") != std::string::npos);
    CHECK(r.out.find("2x10") != std::string::npos);  // the table stays on standard output
    auto quiet = args;
    quiet.push_back("-q");
    const RunResult q = run_primordial(quiet);
    CHECK(q.exit_code == 0);
    CHECK(q.err == "");
}
