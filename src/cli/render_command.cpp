#include "cli/render_command.hpp"

#include <unistd.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <optional>

#include "cli/backend.hpp"
#include "cli/options.hpp"
#include "cli/outputs.hpp"
#include "cli/progress.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"
#include "core/net/network.hpp"
#include "gpu/error.hpp"

namespace primordial::cli {

using core::InputError;

void RenderCommand::add_to(CLI::App& app) {
    net.add_to(app);
    app.add_option("-o,--output", output,
                   "PNG to write [primordial.png unless only --save-params/--dump-weights]");
    app.add_option("--save-params", save_params, "Write the effective parameters as JSON");
    app.add_option("--dump-weights", dump_weights,
                   "Write every weight and bias as JSON (for numpy or PyTorch)");
    app.add_option("--backend", backend, "cpu, gpu or auto [auto]")->check(engine_names());
    app.add_option("--threads", threads, "CPU threads, 0 for all [0]")->check(CLI::Range(0, 1024));
    app.add_option(
           "--supersample", supersample,
           "N x N samples per pixel, averaged" + range_note(core::Setting::supersample) + " [1]")
        ->check(setting_range(core::Setting::supersample));
    app.add_option("--bit-depth", bit_depth, "Bits per PNG sample, 8 or 16 [8]")
        ->check(CLI::IsMember({8, 16}));
    app.add_flag("-q,--quiet", quiet, "Print nothing but errors");
}

int RenderCommand::run() const {
    core::Params p = net.resolve();
    if (supersample) p.supersample = *supersample;
    const int ss = p.supersample;
    const core::Network network = core::build_network(p.network);
    const std::string json = core::params_to_json(p);
    const bool render = !output.empty() || (!save_params && !dump_weights);
    const std::string out = output.empty() ? "primordial.png" : output;
    check_outputs({{"-o", render ? std::optional(out) : std::nullopt, true},
                   {"--save-params", save_params},
                   {"--dump-weights", dump_weights}});

    if (save_params) core::write_text_file(*save_params, json);
    if (dump_weights) core::write_text_file(*dump_weights, core::weights_to_json(network, p.view));
    if (!render) return 0;

    // The GPU when asked for (or, with auto, when a real one is there), else the CPU evaluator.
    std::unique_ptr<GpuSession> gpu_session = choose_gpu(backend, quiet);
    std::unique_ptr<core::RowRenderer> rows;
    if (gpu_session) {
        try {
            rows = gpu_session->row_renderer(network, p.view, p.image_width * ss,
                                             p.image_height * ss, p.colormap);
        } catch (const gpu::Error& e) {
            if (backend == "gpu") {
                std::cerr << "primordial: error: --backend gpu: " << e.what() << "\n";
                return 1;
            }
            if (!quiet)
                std::cerr << "primordial: backend auto: using the CPU evaluator (" << e.what()
                          << ")\n";
        }
    }
    if (!rows)
        rows = core::cpu_rows(network, p.view, p.image_width * ss, p.image_height * ss,
                              {threads, p.colormap});
    Progress progress("rendering " + out, quiet);
    // Supersampling renders the same frame N times larger and averages each N x N block.
    rows = core::supersampled(std::move(rows), ss);
    core::write_png(*rows, out, json, std::ref(progress), 64, bit_depth);
    const double secs = progress.finish();
    if (!quiet)  // to standard error, like every message: standard output is for data (-o -)
        std::fprintf(stderr, "%s: %dx%d%s, depth %d, %s, %.2f s\n", out.c_str(), p.image_width,
                     p.image_height,
                     ss > 1 ? (", " + std::to_string(ss * ss) + " samples per pixel").c_str() : "",
                     p.network.depth, rows->name(), secs);
    return 0;
}

}  // namespace primordial::cli
