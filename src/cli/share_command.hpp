// `primordial share`: a network as a self-contained web page (NAME.html) or a Shadertoy shader
// (NAME.glsl), chosen by --format or the output's extension; "-" writes to standard output.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/render_command.hpp"

namespace primordial::cli {

struct ShareCommand {
    NetworkFlags net;
    std::string output;
    std::optional<std::string> format;  // html or glsl; else by the output's extension
    bool quiet = false;

    void add_to(CLI::App& app);
    int run() const;
};

}  // namespace primordial::cli
