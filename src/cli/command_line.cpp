#include "cli/command_line.hpp"

#include <exception>
#include <iostream>

#include "app/explorer.hpp"
#include "cli/completion.hpp"
#include "cli/man_page.hpp"
#include "core/io/interrupt.hpp"
#include "core/net/params.hpp"
#include "core/version.hpp"

namespace primordial::cli {
namespace {

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n') c = ' ';
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

const char* const kFooter =
    "Without a command, primordial opens the explorer where there is a display, and elsewhere "
    "renders the default network to primordial.png.\n"
    "Exit status: 0 success, 1 failure, 2 bad input (a one-line message says which), 128+N "
    "after signal N (an interrupted command leaves no partial file).\n"
    "Files: - as an output is standard output, as --params standard input. The explorer keeps "
    "its session and undo history in $XDG_STATE_HOME/primordial (~/.local/state/primordial), "
    "its bookmarks in $XDG_DATA_HOME/primordial.";

}  // namespace

CommandLine::CommandLine()
    : app_{"Primordial: explore random, untrained neural networks as pictures."} {
    app_.name("primordial");
    app_.require_subcommand(0, 1);
    app_.footer(kFooter);
    const std::string version = std::string("primordial ") + core::kVersion;
    app_.set_version_flag("--version", version, "Print the version and exit");
    // Generators for the build (man page, completions): hidden from --help.
    app_.add_flag("--print-man-page", man_page_, "Print the manual page (roff)")->group("");
    app_.add_option("--print-completion", completion_shell_, "Print a completion script")
        ->check(CLI::IsMember({"bash", "fish"}))
        ->group("");

    const auto sub = [&](const char* name, const char* what) {
        CLI::App* s = app_.add_subcommand(name, what);
        s->set_version_flag("--version", version, "Print the version and exit");
        return s;
    };
    render_.add_to(*sub("render", "Render a network to a PNG (headless)"));
    explore_.add_to(*sub("explore", "Open the explorer window (the default)"));
    figure_.add_to(*sub("figure", "Render a figure of the article (or a preset) headless"));
    animate_.add_to(*sub("animate", "Render an animation as numbered PNG frames (and a video)"));
    stats_.add_to(*sub("stats", "Measure a network layer by layer beside the mean-field theory"));
    share_.add_to(
        *sub("share", "Write a network as a web page (.html) or a Shadertoy shader (.glsl)"));
    bench_.add_to(*sub("bench", "Time the renderers against numpy + OpenBLAS"));
}

int CommandLine::main(int argc, char** argv) {
    try {
        app_.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app_.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app_.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app_.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "primordial: error: " << one_line(e.what()) << "\n";
        return 2;
    }
    try {
        return run();
    } catch (const core::InputError& e) {
        std::cerr << "primordial: error: " << one_line(e.what()) << "\n";
        return 2;
    } catch (const core::Interrupted& e) {
        std::cerr << "primordial: " << e.what() << "\n";
        return 128 + e.signal;
    } catch (const std::exception& e) {
        std::cerr << "primordial: error: " << one_line(e.what()) << "\n";
        return 1;
    }
}

int CommandLine::run() {
    if (man_page_) {
        std::cout << man_page(app_);
        return 0;
    }
    if (completion_shell_) {
        std::cout << completion_script(app_, *completion_shell_);
        return 0;
    }
    // The commands that write large files, and the explorer, look for SIGINT and SIGTERM
    // between steps and stop cleanly: no temporary file stays behind, the explorer saves its
    // session. The others keep the default: the first Ctrl+C ends them at once.
    const auto got = [&](const char* name) { return app_.got_subcommand(name); };
    if (!got("bench") && !got("stats") && !got("share")) core::catch_interrupts();
    if (got("render")) return render_.run();
    if (got("bench")) return bench_.run();
    if (got("stats")) return stats_.run();
    if (got("share")) return share_.run();
    if (got("figure")) return figure_.run();
    if (got("animate")) return animate_.run();
    // No command: the main job. The explorer where there is a display; otherwise the explorer's
    // default network, rendered headless.
    if (got("explore") || app::display_available()) return explore_.run();
    std::cerr << "primordial: no display: rendering the default network to primordial.png\n";
    RenderCommand headless;
    headless.output = "primordial.png";
    return headless.run();
}

}  // namespace primordial::cli
