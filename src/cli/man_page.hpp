// The manual page, generated from the command line's own definition: every subcommand with its
// --help texts, and the top level's footer (exit status, files).
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace primordial::cli {

std::string man_page(const CLI::App& app);  // roff, section 1

}  // namespace primordial::cli
