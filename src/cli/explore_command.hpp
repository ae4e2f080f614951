// `primordial explore` (and the bare `primordial` where there is a display): the window.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/network_flags.hpp"

namespace primordial::cli {

struct ExploreCommand {
    NetworkFlags net;
    std::optional<std::string> file, screenshot_dir, window_size, figure, report_layout;
    std::optional<int> osc_port;
    std::string osc_host = "127.0.0.1";
    bool present = false;
    int monitor = 0;
    std::string engine = "auto";

    void add_to(CLI::App& app);
    int run();
};

}  // namespace primordial::cli
