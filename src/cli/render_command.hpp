// `primordial render`: parameters (file, then flags) -> PNG, parameter file, weights dump.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/params.hpp"
#include "core/preset.hpp"

namespace primordial::cli {

// Flags that describe a network and view; shared by every subcommand that draws.
struct NetworkFlags {
    std::optional<std::string> params_file, depth, width, activation, output_activation, inputs,
        outputs, dist, init, scale, biases, bias_scale, output_bias_scale, seed, center, extent, z, t, size, colormap;
    void add_to(CLI::App& app);
    // File first, then flags on top; validated. Throws core::InputError naming the flag or key.
    // `base` holds what no file or flag sets (a preset, or the defaults). The file may be a
    // parameter file, a preset (a copied state), or a PNG Primordial wrote: its view, when it
    // has one, replaces the base's.
    core::State resolve_state(core::State base = {}) const;
    core::Params resolve(core::Params base = {}) const { return resolve_state({base}).params; }
    bool any() const;  // whether any of these flags was given
};

// Reports on stderr (unless quiet) and shows a live percentage on a terminal.
class ProgressLine {
public:
    ProgressLine(std::string what, bool quiet);
    bool operator()(double fraction);  // a core::Progress; never cancels
    double finish();                    // clears the line; returns seconds since construction

private:
    std::string what_;
    bool tty_;
    std::chrono::steady_clock::time_point start_, last_;
};

struct RenderCommand {
    NetworkFlags net;
    std::string output;
    std::optional<std::string> save_params, dump_weights;
    std::string backend = "auto";
    int threads = 0;
    std::optional<int> supersample;  // N x N samples per pixel; else the parameters' own
    int bit_depth = 8;
    bool quiet = false;

    void add_to(CLI::App& app);
    int run() const;  // exit code
};

}  // namespace primordial::cli
