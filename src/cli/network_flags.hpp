// The flags that describe a network and its view, shared by every subcommand that draws and by
// the Python module (whose keyword arguments are these flags): one parser, one set of messages.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

#include "core/io/preset.hpp"
#include "core/net/params.hpp"

namespace primordial::cli {

// Flags that describe a network and view; shared by every subcommand that draws.
struct NetworkFlags {
    std::optional<std::string> params_file, depth, width, activation, output_activation, inputs,
        outputs, dist, init, scale, biases, bias_scale, output_bias_scale, seed, center, extent, z,
        t, size, colormap;
    void add_to(CLI::App& app);
    // File first, then flags on top; validated. Throws core::InputError naming the flag or key.
    // `base` holds what no file or flag sets (a preset, or the defaults). The file may be a
    // parameter file, a preset (a copied state), or a PNG Primordial wrote: its view, when it
    // has one, replaces the base's.
    core::State resolve_state(core::State base = {}) const;
    core::Params resolve(core::Params base = {}) const {
        return resolve_state({base, {}, false}).params;
    }
    bool any() const;  // whether any of these flags was given
};

}  // namespace primordial::cli
