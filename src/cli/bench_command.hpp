// `primordial bench`: milliseconds per frame and useful GFLOP/s for the article's networks, on
// every backend, against numpy + OpenBLAS evaluating the same network in the same run.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace primordial::cli {

struct BenchCommand {
    // Without flags: what a user of this machine does, in about a minute. --full: the long suites.
    std::string networks = "27x30";   // DEPTHxWIDTH list: the explorer's default network
    std::string sizes = "1260x1000";  // the explorer's picture area at its default window
    // cpu, gpu (whole frames), cpu-ui, gpu-ui (the explorer's engines), numpy
    std::string backends = "cpu,numpy,cpu-ui";
    std::string format = "table";  // or json
    int repeat = 3;
    int threads = 0;
    int ui_frames = 40;
    double ui_budget_ms = 30;
    std::string views = "9,15";           // presets whose views get interface frames timed
    std::string view_size = "1260x1000";  // the explorer's picture area at its default window
    // A heavy network (weight scale 3.2, full biases) whose first coarse picture is timed.
    std::string heavy = "256x30";
    std::string export_size;  // e.g. 8192x8192: time a poster export and its peak memory
    int export_supersample = 2;
    bool full = false;   // the long suites, for flags not given
    bool quiet = false;  // no progress on standard error

    void add_to(CLI::App& app);
    int run() const;
};

}  // namespace primordial::cli
