// `primordial stats`: a network's statistics beside the mean-field theory, as a table, JSON or
// CSV, and optionally as a plot.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/render_command.hpp"

namespace primordial::cli {

struct StatsCommand {
    NetworkFlags net;  // --size: the sample grid, 64x64 unless given
    int circle_points = 4096;
    std::string format = "table";
    std::optional<std::string> output, plot;
    int threads = 0;
    bool quiet = false;
    bool detail = false;
    std::optional<std::string> radii;  // --radii "0,0.5,1,2,4"
    int detail_points = 64, detail_seeds = 1;

    void add_to(CLI::App& app);
    int run() const;
};

}  // namespace primordial::cli
