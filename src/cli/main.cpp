// primordial: the command line. Exit codes: 0 success, 1 failure, 2 bad input.
#include <malloc.h>

#include <CLI/CLI.hpp>
#include <exception>
#include <iostream>
#include <optional>
#include <tuple>

#include "app/explorer.hpp"
#include "cli/animate_command.hpp"
#include "cli/bench_command.hpp"
#include "cli/figure_command.hpp"
#include "cli/options.hpp"
#include "cli/render_command.hpp"
#include "cli/share_command.hpp"
#include "cli/stats_command.hpp"
#include "core/interrupt.hpp"
#include "core/params.hpp"
#include "core/preset.hpp"
#include "gpu/engine.hpp"

namespace {

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n') c = ' ';
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace primordial;
    // Dragging a slider on a wide network rebuilds and re-uploads megabytes of weights every
    // frame; keeping such blocks in the heap instead of fresh mmaps avoids a page fault per 4 KiB
    // (see docs/PERFORMANCE.md).
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    CLI::App app{"Primordial: explore random, untrained neural networks as pictures."};
    app.require_subcommand(0, 1);

    cli::RenderCommand render;
    render.add_to(*app.add_subcommand("render", "Render a network to a PNG (headless)"));
    cli::NetworkFlags explore_flags;
    std::optional<std::string> screenshot_dir, window_size, explore_figure, explore_file;
    CLI::App* explore = app.add_subcommand("explore", "Open the explorer window (the default)");
    explore->add_option(
        "file", explore_file,
        "A parameter file, preset, copied state or Primordial PNG to open (as --params)");
    explore_flags.add_to(*explore);
    explore->add_option("--screenshot-dir", screenshot_dir,
                        "Where S saves screenshots [pictures folder]");
    explore->add_option("--window", window_size, "Window size WIDTHxHEIGHT [1600x1000]");
    bool present = false;
    int monitor = 0;
    explore->add_flag("--present", present,
                      "Start in presentation mode (P or Esc returns to the explorer)");
    explore
        ->add_option("--monitor", monitor,
                     "Monitor for fullscreen and presentation, 0 = primary [0]")
        ->check(CLI::Range(0, 15));
    explore->add_option("--figure", explore_figure,
                        "Open a figure of the article (3-19) or a preset; flags change it");
    std::string engine = "auto";
    explore
        ->add_option(
            "--engine", engine,
            "What draws the pictures: gpu (the shader), cpu (the CPU evaluator on every core) or "
            "auto (the shader on a real GPU, the CPU on a software rasteriser) [auto]")
        ->check(CLI::IsMember({"auto", "gpu", "cpu"}));
    cli::FigureCommand figure;
    figure.add_to(
        *app.add_subcommand("figure", "Render a figure of the article (or a preset) headless"));
    cli::AnimateCommand animate;
    animate.add_to(
        *app.add_subcommand("animate", "Render an animation as numbered PNG frames (and a video)"));
    cli::StatsCommand stats;
    stats.add_to(*app.add_subcommand(
        "stats", "Measure a network layer by layer beside the mean-field theory"));
    cli::ShareCommand share;
    share.add_to(*app.add_subcommand(
        "share", "Write a network as a web page (.html) or a Shadertoy shader (.glsl)"));
    cli::BenchCommand bench;
    bench.add_to(*app.add_subcommand("bench", "Time the renderers against numpy + OpenBLAS"));

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        std::cerr << "primordial: error: " << one_line(e.what()) << "\n";
        return 2;
    }

    try {
        // The commands that write large files, and the explorer, look for SIGINT and SIGTERM
        // between steps and stop cleanly: no temporary file stays behind, the explorer saves
        // its session. The others keep the default: the first Ctrl+C ends them at once.
        if (!app.got_subcommand("bench") && !app.got_subcommand("stats") &&
            !app.got_subcommand("share"))
            core::catch_interrupts();
        if (app.got_subcommand("render")) return render.run();
        if (app.got_subcommand("bench")) return bench.run();
        if (app.got_subcommand("stats")) return stats.run();
        if (app.got_subcommand("share")) return share.run();
        if (app.got_subcommand("figure")) return figure.run();
        if (app.got_subcommand("animate")) return animate.run();
        // No subcommand: the main job. Open the explorer where there is a display; otherwise
        // render the explorer's default network headless.
        if (app.got_subcommand("explore") || app::display_available()) {
            app::ExplorerOptions opt;
            if (explore_file) {
                if (explore_flags.params_file)
                    throw core::InputError("explore: give the file once (" + *explore_file +
                                           " or --params)");
                explore_flags.params_file = explore_file;
            }
            if (explore_figure || explore_flags.any()) {
                // A preset, or a file's state (a PNG of a view opens as that view), flags on top.
                core::State base;
                if (explore_figure) {
                    const core::Preset& preset = cli::preset_or_fail(*explore_figure);
                    base = {preset.params, preset.view, true};
                }
                const core::State state = explore_flags.resolve_state(base);
                opt.params = state.params;
                opt.view = state.view;
            }
            if (screenshot_dir) opt.screenshot_dir = *screenshot_dir;
            opt.present = present;
            opt.engine = *gpu::parse_engine_request(engine);
            opt.monitor = monitor;
            if (window_size)
                std::tie(opt.window_width, opt.window_height) =
                    cli::parse_size("--window", *window_size);
            if (!app::display_available()) {
                std::cerr << "primordial: error: explore: no display (DISPLAY is not set); "
                             "use `primordial render` to render headless\n";
                return 1;
            }
            return app::run_explorer(opt);
        }
        std::cerr << "primordial: no display: rendering the default network to primordial.png\n";
        cli::RenderCommand def;
        def.output = "primordial.png";
        return def.run();
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
