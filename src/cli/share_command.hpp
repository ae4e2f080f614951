// `primordial share`: a network as a self-contained web page (NAME.html) or a Shadertoy shader
// (NAME.glsl), chosen by the output's extension.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

#include "cli/render_command.hpp"

namespace primordial::cli {

struct ShareCommand {
    NetworkFlags net;
    std::string output;
    bool quiet = false;

    void add_to(CLI::App& app);
    int run() const;
};

}  // namespace primordial::cli
