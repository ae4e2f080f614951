#include "cli/network_flags.hpp"

#include <algorithm>
#include <cstdio>

#include "cli/options.hpp"
#include "core/io/params_json.hpp"
#include "core/net/limits.hpp"

namespace primordial::cli {

using core::InputError;

void NetworkFlags::add_to(CLI::App& app) {
    app.add_option("--params", params_file,
                   "Parameter file (JSON) or a PNG written by primordial; flags override it");
    app.add_option("--depth", depth,
                   "Layers, output layer included" + range_note(core::Setting::depth) + " [27]");
    app.add_option("--width", width,
                   "Units per hidden layer, or a list per layer: 30 or 30,20,10" +
                       range_note(core::Setting::width) + " [30]");
    app.add_option("--activation", activation,
                   "Hidden activation, or a list per layer: " +
                       std::string(core::kActivationNames) + " [tanh]");
    app.add_option("--output-activation", output_activation, "Output activation [sigmoid]");
    app.add_option("--inputs", inputs, "Inputs from " + std::string(core::kInputNames) + " [x,y]");
    app.add_option("--outputs", outputs, "3 (RGB) or 1 (grey) [3]");
    app.add_option("--dist", dist,
                   "Weight distribution: " + std::string(core::kDistributionNames) + " [uniform]");
    app.add_option("--init", init, "Scale scheme: " + std::string(core::kInitNames) + " [range]");
    app.add_option("--scale", scale,
                   "Weight scale: the range for 'range', a gain otherwise" +
                       range_note(core::Setting::scale) + " [0.6]");
    app.add_option("--biases", biases,
                   "Bias rule when no bias scale is given: article (hidden biases at 0.6 of "
                   "--scale, none on the output layer), quarter (hidden at a quarter: format 2's "
                   "rule) or full (all layers at --scale) [article]");
    app.add_option(
        "--bias-scale", bias_scale,
        "Hidden layers' bias scale" + range_note(core::Setting::bias_scale) + " [by --biases]");
    app.add_option(
        "--output-bias-scale", output_bias_scale,
        "Output layer's bias scale" + range_note(core::Setting::bias_scale) + " [by --biases]");
    const core::Params defaults;
    char centre[64];
    std::snprintf(centre, sizeof centre, "View centre x,y, each %s [%g,%g]",
                  core::range_text(core::Setting::center).c_str(), defaults.view.center_x,
                  defaults.view.center_y);
    app.add_option("--seed", seed,
                   "Random seed, 0 to 2^64-1 [" + std::to_string(defaults.network.seed) + "]");
    app.add_option("--center", center, centre);
    app.add_option(
        "--extent", extent,
        "Half the span of the shorter image side" + range_note(core::Setting::extent) + " [1]");
    app.add_option("--z", z, "Value of the z input" + range_note(core::Setting::z) + " [0]");
    app.add_option("--t", t,
                   "Loop phase in turns: inputs cos_t, sin_t = cos, sin of 2 pi t" +
                       range_note(core::Setting::t) + " [0]");
    app.add_option(
        "--size", size,
        "Image size WIDTHxHEIGHT, each side" + range_note(core::Setting::side) + " [1024x1024]");
    app.add_option(
        "--colormap", colormap,
        "Colours of a one-output network: " + std::string(core::kColorMapNames) + " [grey]");
}

bool NetworkFlags::any() const {
    return params_file || depth || width || activation || output_activation || inputs || outputs ||
           dist || init || scale || biases || bias_scale || output_bias_scale || seed || center ||
           extent || z || t || size || colormap;
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
        core::check_setting(core::Setting::depth, static_cast<double>(d), "--depth");
        n.depth = static_cast<int>(d);
    }
    if (width) n.widths = parse_widths("--width", *width);
    if (activation) n.activations = parse_activations("--activation", *activation);
    if (output_activation)
        n.output_activation = parse_activation_flag("--output-activation", *output_activation);
    if (inputs) n.inputs = parse_inputs("--inputs", *inputs);
    if (outputs) n.outputs = static_cast<int>(parse_int("--outputs", *outputs));
    if (dist) {
        const auto d = core::parse_distribution(*dist);
        if (!d)
            throw InputError("--dist: " +
                             core::unknown_name<core::kDistributionTable>("distribution", *dist));
        n.distribution = *d;
    }
    if (init) {
        const auto i = core::parse_init(*init);
        if (!i)
            throw InputError("--init: " + core::unknown_name<core::kInitTable>("scheme", *init));
        n.init = *i;
    }
    if (scale) n.scale = parse_double("--scale", *scale);
    if (biases) {
        const auto b = core::parse_bias_rule(*biases);
        if (!b)
            throw InputError("--biases: " +
                             core::unknown_name<core::kBiasRuleTable>("rule", *biases));
        n.biases = *b;
    }
    if (bias_scale) n.bias_scale = parse_double("--bias-scale", *bias_scale);
    if (output_bias_scale)
        n.output_bias_scale = parse_double("--output-bias-scale", *output_bias_scale);
    if (seed) n.seed = parse_seed("--seed", *seed);
    if (center) std::tie(p.view.center_x, p.view.center_y) = parse_pair("--center", *center);
    if (extent) p.view.extent = parse_double("--extent", *extent);
    if (z) p.view.z = parse_double("--z", *z);
    if (t) p.view.t = parse_double("--t", *t);
    if (size) std::tie(p.image_width, p.image_height) = parse_size("--size", *size);
    if (colormap) {
        const auto m = core::parse_colormap(*colormap);
        if (!m)
            throw InputError("--colormap: " +
                             core::unknown_name<core::kColorMapTable>("colour map", *colormap));
        p.colormap = *m;
    }
    try {
        core::validate(p);
    } catch (const core::InvalidSetting& e) {
        // On the command line a setting is a flag: output_bias_scale is --output-bias-scale.
        std::string flag = "--" + e.setting;
        std::replace(flag.begin(), flag.end(), '_', '-');
        throw InputError(flag + ": " + e.problem);
    }
    return state;
}

}  // namespace primordial::cli
