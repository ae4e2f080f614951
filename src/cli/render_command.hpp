// `primordial render`: parameters (file, then flags) -> PNG, parameter file, weights dump.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/params.hpp"

namespace primordial::cli {

// Flags that describe a network and view; shared by every subcommand that draws.
struct NetworkFlags {
    std::optional<std::string> params_file, depth, width, activation, output_activation, inputs,
        outputs, dist, init, scale, bias_scale, seed, center, extent, z, size, colormap;
    void add_to(CLI::App& app);
    // File first, then flags on top; validated. Throws core::InputError naming the flag or key.
    core::Params resolve() const;
    bool any() const;  // whether any of these flags was given
};

struct RenderCommand {
    NetworkFlags net;
    std::string output;
    std::optional<std::string> save_params, dump_weights;
    std::string backend = "auto";
    int threads = 0;
    bool quiet = false;

    void add_to(CLI::App& app);
    int run() const;  // exit code
};

}  // namespace primordial::cli
