// `primordial figure`: renders a preset (an article figure, grids and plots included) headless.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/render_command.hpp"
#include "core/io/preset.hpp"

namespace primordial::cli {

struct FigureCommand {
    std::optional<std::string> which;  // figure number or preset name
    NetworkFlags net;                  // on top of the preset: explore from a figure
    std::string output;
    std::string backend = "auto";
    int threads = 0;
    bool list = false, quiet = false;

    void add_to(CLI::App& app);
    int run() const;
};

// The preset named by a figure number or name; throws InputError listing what exists.
const core::Preset& preset_or_fail(const std::string& which);

}  // namespace primordial::cli
