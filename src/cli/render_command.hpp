// `primordial render`: parameters (file, then flags) -> PNG, parameter file, weights dump.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/network_flags.hpp"
#include "core/io/preset.hpp"
#include "core/net/params.hpp"

namespace primordial::cli {

struct RenderCommand {
    NetworkFlags net;
    std::string output;
    std::optional<std::string> save_params, dump_weights;
    std::string backend = "auto";
    int threads = 0;
    std::optional<int> supersample;  // N x N samples per pixel; else the parameters' own
    int bit_depth = 8;
    bool quiet = false;

    void add_to(CLI::App& app);
    int run() const;  // exit code
};

}  // namespace primordial::cli
