// `primordial bench`: milliseconds per frame and useful GFLOP/s for the article's networks, on
// every backend, against numpy + OpenBLAS evaluating the same network in the same run.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace primordial::cli {

struct BenchCommand {
    std::string networks = "2x10,18x30,40x30,14x400";  // DEPTHxWIDTH list
    std::string sizes = "1024x1024,1920x1080";
    // cpu, gpu (whole frames), cpu-ui, gpu-ui (the explorer's engines), numpy
    std::string backends = "cpu,gpu,cpu-ui,gpu-ui,numpy";
    std::string format = "table";  // or json
    int repeat = 3;
    int threads = 0;
    int ui_frames = 40;
    double ui_budget_ms = 30;
    std::string views = "9,15,19,layers-unfolding,first-layer-units,3";  // presets for view frames
    std::string view_size = "1260x1000";  // the explorer's picture area at its default window
    std::string export_size;  // e.g. 8192x8192: time a poster export and its peak memory
    int export_supersample = 2;

    void add_to(CLI::App& app);
    int run() const;
};

}  // namespace primordial::cli
