// The command line, defined once: main parses with it, and the man page and the shell
// completions are generated from it (`--print-man-page`, `--print-completion SHELL`), so the
// three never disagree.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "cli/animate_command.hpp"
#include "cli/bench_command.hpp"
#include "cli/explore_command.hpp"
#include "cli/figure_command.hpp"
#include "cli/render_command.hpp"
#include "cli/share_command.hpp"
#include "cli/stats_command.hpp"

namespace primordial::cli {

class CommandLine {
public:
    CommandLine();
    CommandLine(const CommandLine&) = delete;  // the App holds pointers into the commands
    CommandLine& operator=(const CommandLine&) = delete;

    // Parses and runs; returns the exit code (0 success, 1 failure, 2 bad input, 128+N after
    // signal N). Errors are one line on standard error.
    int main(int argc, char** argv);
    const CLI::App& app() const { return app_; }

private:
    int run();

    CLI::App app_;
    RenderCommand render_;
    ExploreCommand explore_;
    FigureCommand figure_;
    AnimateCommand animate_;
    StatsCommand stats_;
    ShareCommand share_;
    BenchCommand bench_;
    std::optional<std::string> completion_shell_;
    bool man_page_ = false;
};

}  // namespace primordial::cli
