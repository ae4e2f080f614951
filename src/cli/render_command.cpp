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
#include "core/atomic_file.hpp"
#include "core/network.hpp"
#include "core/params_json.hpp"
#include "core/png_io.hpp"
#include "core/row_renderer.hpp"
#include "gpu/error.hpp"

namespace primordial::cli {

using core::InputError;

void NetworkFlags::add_to(CLI::App& app) {
    app.add_option("--params", params_file, "Parameter file (JSON) or a PNG written by primordial; flags override it");
    app.add_option("--depth", depth, "Layers, output layer included (1-256) [27]");
    app.add_option("--width", width, "Units per hidden layer, or a list per layer: 30 or 30,20,10 [30]");
    app.add_option("--activation", activation, "Hidden activation, or a list per layer: " + core::activation_names() + " [tanh]");
    app.add_option("--output-activation", output_activation, "Output activation [sigmoid]");
    app.add_option("--inputs", inputs, "Inputs from x, y, r, z, cos_t, sin_t [x,y]");
    app.add_option("--outputs", outputs, "3 (RGB) or 1 (grey) [3]");
    app.add_option("--dist", dist, "Weight distribution: uniform or normal [uniform]");
    app.add_option("--init", init, "Scale scheme: range, glorot, he, lecun [range]");
    app.add_option("--scale", scale, "Weight scale: the range for 'range', a gain otherwise [0.6]");
    app.add_option("--biases", biases, "Bias rule when no bias scale is given: article (hidden biases at a quarter of --scale, none on the output layer) or full (all layers at --scale) [article]");
    app.add_option("--bias-scale", bias_scale, "Hidden layers' bias scale [by --biases]");
    app.add_option("--output-bias-scale", output_bias_scale, "Output layer's bias scale [by --biases]");
    app.add_option("--seed", seed, "Random seed, 0 to 2^64-1 [1]");
    app.add_option("--center", center, "View centre x,y [0,0]");
    app.add_option("--extent", extent, "Half the span of the shorter image side [1]");
    app.add_option("--z", z, "Value of the z input [0]");
    app.add_option("--t", t, "Loop phase in turns: inputs cos_t, sin_t = cos, sin of 2 pi t [0]");
    app.add_option("--size", size, "Image size WIDTHxHEIGHT [1024x1024]");
    app.add_option("--colormap", colormap, "Colours of a one-output network: " +
                                               std::string(core::kColorMapNames) + " [grey]");
}

bool NetworkFlags::any() const {
    return params_file || depth || width || activation || output_activation || inputs || outputs ||
           dist || init || scale || biases || bias_scale || output_bias_scale || seed || center || extent || z || t || size ||
           colormap;
}

core::State NetworkFlags::resolve_state(core::State state) const {
    if (params_file) {
        try {
            core::State file = core::state_from_file(*params_file, state.params);
            state.params = file.params;
            if (file.has_view) state.view = file.view, state.has_view = true;
        } catch (const InputError& e) {
            throw InputError("--params: " + std::string(e.what()));
        }
    }
    core::Params& p = state.params;
    core::NetworkParams& n = p.network;
    if (depth) {
        const long long d = parse_int("--depth", *depth);
        if (d < 1 || d > core::Limits::max_depth)
            throw InputError("--depth: must be between 1 and " + std::to_string(core::Limits::max_depth) + " (got " + *depth + ")");
        n.depth = static_cast<int>(d);
    }
    if (width) n.widths = parse_widths("--width", *width);
    if (activation) n.activations = parse_activations("--activation", *activation);
    if (output_activation) n.output_activation = parse_activation_flag("--output-activation", *output_activation);
    if (inputs) n.inputs = parse_inputs("--inputs", *inputs);
    if (outputs) n.outputs = static_cast<int>(parse_int("--outputs", *outputs));
    if (dist) {
        const auto d = core::parse_distribution(*dist);
        if (!d) throw InputError("--dist: unknown distribution '" + *dist + "' (expected uniform, normal)");
        n.distribution = *d;
    }
    if (init) {
        const auto i = core::parse_init(*init);
        if (!i) throw InputError("--init: unknown scheme '" + *init + "' (expected range, glorot, he, lecun)");
        n.init = *i;
    }
    if (scale) n.scale = parse_double("--scale", *scale);
    if (biases) {
        const auto b = core::parse_bias_rule(*biases);
        if (!b)
            throw InputError("--biases: unknown rule '" + *biases + "' (expected " +
                             std::string(core::kBiasRuleNames) + ")");
        n.biases = *b;
    }
    if (bias_scale) n.bias_scale = parse_double("--bias-scale", *bias_scale);
    if (output_bias_scale) n.output_bias_scale = parse_double("--output-bias-scale", *output_bias_scale);
    if (seed) n.seed = parse_seed("--seed", *seed);
    if (center) std::tie(p.view.center_x, p.view.center_y) = parse_pair("--center", *center);
    if (extent) p.view.extent = parse_double("--extent", *extent);
    if (z) p.view.z = parse_double("--z", *z);
    if (t) p.view.t = parse_double("--t", *t);
    if (size) std::tie(p.image_width, p.image_height) = parse_size("--size", *size);
    if (colormap) {
        const auto m = core::parse_colormap(*colormap);
        if (!m)
            throw InputError("--colormap: unknown colour map '" + *colormap + "' (expected " +
                             std::string(core::kColorMapNames) + ")");
        p.colormap = *m;
    }
    try {
        core::validate(p);
    } catch (const InputError& e) {
        // validate() names keys; on the command line they are flags (output_bias_scale is
        // --output-bias-scale).
        std::string msg = e.what();
        for (std::size_t i = 0; i < msg.size() && msg[i] != ':'; ++i)
            if (msg[i] == '_') msg[i] = '-';
        throw InputError("--" + msg);
    }
    return state;
}

ProgressLine::ProgressLine(std::string what, bool quiet)
    : what_(std::move(what)),
      tty_(::isatty(STDERR_FILENO) && !quiet),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

bool ProgressLine::operator()(double f) {
    const auto now = std::chrono::steady_clock::now();
    if (tty_ && now - last_ > std::chrono::milliseconds(200)) {
        std::fprintf(stderr, "\r%s: %3.0f%%", what_.c_str(), f * 100);
        last_ = now;
    }
    return true;
}

double ProgressLine::finish() {
    if (tty_) std::fprintf(stderr, "\r\033[K");
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void RenderCommand::add_to(CLI::App& app) {
    net.add_to(app);
    app.add_option("-o,--output", output, "PNG to write [primordial.png unless only --save-params/--dump-weights]");
    app.add_option("--save-params", save_params, "Write the effective parameters as JSON");
    app.add_option("--dump-weights", dump_weights, "Write every weight and bias as JSON (for numpy or PyTorch)");
    app.add_option("--backend", backend, "cpu, gpu or auto [auto]")->check(CLI::IsMember({"cpu", "gpu", "auto"}));
    app.add_option("--threads", threads, "CPU threads, 0 for all [0]")->check(CLI::Range(0, 1024));
    app.add_option("--supersample", supersample, "N x N samples per pixel, averaged (1-4) [1]")->check(CLI::Range(1, 4));
    app.add_option("--bit-depth", bit_depth, "Bits per PNG sample, 8 or 16 [8]")->check(CLI::IsMember({8, 16}));
    app.add_flag("-q,--quiet", quiet, "Print nothing but errors");
}

int RenderCommand::run() const {
    core::Params p = net.resolve();
    if (supersample) p.supersample = *supersample;
    const int ss = p.supersample;
    const core::Network network = core::build_network(p.network);
    const std::string json = core::params_to_json(p);

    if (save_params) core::write_text_file(*save_params, json);
    if (dump_weights) core::write_text_file(*dump_weights, core::weights_to_json(network, p.view));
    const bool render = !output.empty() || (!save_params && !dump_weights);
    if (!render) return 0;
    const std::string out = output.empty() ? "primordial.png" : output;

    // The GPU when asked for (or, with auto, when a real one is there), else the CPU evaluator.
    std::unique_ptr<GpuSession> gpu_session = choose_gpu(backend, quiet);
    std::unique_ptr<core::RowRenderer> rows;
    if (gpu_session) {
        try {
            rows = gpu_session->row_renderer(network, p.view, p.image_width * ss,
                                             p.image_height * ss,
                                             p.colormap);
        } catch (const gpu::Error& e) {
            if (backend == "gpu") {
                std::cerr << "primordial: error: --backend gpu: " << e.what() << "\n";
                return 1;
            }
            if (!quiet) std::cerr << "primordial: backend auto: using the CPU evaluator (" << e.what() << ")\n";
        }
    }
    if (!rows)
        rows = core::cpu_rows(network, p.view, p.image_width * ss, p.image_height * ss,
                              {threads, p.colormap});
    ProgressLine progress("rendering " + out, quiet);
    // Supersampling renders the same frame N times larger and averages each N x N block.
    rows = core::supersampled(std::move(rows), ss);
    core::write_png(*rows, out, json, std::ref(progress), 64, bit_depth);
    const double secs = progress.finish();
    if (!quiet)
        std::printf("%s: %dx%d%s, depth %d, %s, %.2f s\n", out.c_str(), p.image_width,
                    p.image_height, ss > 1 ? (", " + std::to_string(ss * ss) + " samples per pixel").c_str() : "",
                    p.network.depth, rows->name(), secs);
    return 0;
}

}  // namespace primordial::cli
