// Shell completion scripts generated from the command line's own definition: subcommands, their
// flags, and the values a flag takes (names from the core's tables, figure numbers and presets,
// files where a flag takes a path).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace primordial::cli {

// "bash" or "fish"; the script for /usr/share/bash-completion/completions/primordial or
// /usr/share/fish/vendor_completions.d/primordial.fish.
std::string completion_script(const CLI::App& app, const std::string& shell);

}  // namespace primordial::cli
