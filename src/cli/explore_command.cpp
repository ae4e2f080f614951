#include "cli/explore_command.hpp"

#include <iostream>
#include <tuple>

#include "app/explorer.hpp"
#include "cli/backend.hpp"
#include "cli/figure_command.hpp"
#include "cli/options.hpp"
#include "gpu/engine.hpp"

namespace primordial::cli {

void ExploreCommand::add_to(CLI::App& app) {
    app.add_option(
        "file", file,
        "A parameter file, preset, copied state or Primordial PNG to open (as --params)");
    net.add_to(app);
    app.add_option("--screenshot-dir", screenshot_dir,
                   "Where S saves screenshots [pictures folder]");
    app.add_option("--window", window_size, "Window size WIDTHxHEIGHT [1600x1000]");
    app.add_flag("--present", present,
                 "Start in presentation mode (P or Esc returns to the explorer)");
    app.add_option("--monitor", monitor, "Monitor for fullscreen and presentation, 0 = primary [0]")
        ->check(CLI::Range(0, 15));
    app.add_option("--figure", figure,
                   "Open a figure of the article (3-19) or a preset; flags change it");
    app.add_option(
           "--engine", engine,
           "What draws the pictures: gpu (the shader), cpu (the CPU evaluator on every core) or "
           "auto (the shader on a real GPU, the CPU on a software rasteriser) [auto]")
        ->check(engine_names());
    app.add_option("--osc", osc_port,
                   "Listen for OSC on this UDP port: /primordial/<setting> drives the panel "
                   "(docs/LIVE.md)")
        ->check(CLI::Range(1, 65535));
    app.add_option("--osc-host", osc_host,
                   "The address OSC listens on: 127.0.0.1 (this machine only) unless given; "
                   "0.0.0.0 lets every machine that can reach this one drive the explorer "
                   "[127.0.0.1]");
    // For the smoke tests: where the panel's widgets are, so they click them there.
    app.add_option("--report-layout", report_layout,
                   "Write the panel widgets' rectangles to this JSON file as they move")
        ->group("");
}

int ExploreCommand::run() {
    app::ExplorerOptions opt;
    if (file) {
        if (net.params_file)
            throw core::InputError("explore: give the file once (" + *file + " or --params)");
        net.params_file = file;
    }
    if (figure || net.any()) {
        // A preset, or a file's state (a PNG of a view opens as that view), flags on top.
        core::State base;
        if (figure) {
            const core::Preset& preset = preset_or_fail(*figure);
            base = {preset.params, preset.view, true};
        }
        const core::State state = net.resolve_state(base);
        opt.params = state.params;
        opt.view = state.view;
    }
    if (screenshot_dir) opt.screenshot_dir = *screenshot_dir;
    if (report_layout) opt.report_layout = *report_layout;
    if (osc_port) opt.osc_port = *osc_port;
    opt.osc_host = osc_host;
    opt.present = present;
    opt.engine = *gpu::parse_engine_request(engine);
    opt.monitor = monitor;
    if (window_size)
        std::tie(opt.window_width, opt.window_height) = parse_size("--window", *window_size);
    if (!app::display_available()) {
        std::cerr << "primordial: error: explore: no display (DISPLAY is not set); use "
                     "`primordial render` to render headless\n";
        return 1;
    }
    return app::run_explorer(opt);
}

}  // namespace primordial::cli
