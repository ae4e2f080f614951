// Sweeps: one setting varied over a list of values, every other parameter (the seed included)
// held, unless the sweep names settings that change in step with it. Sweep grids, the layer
// progression and the article's series of figures are made of them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/net/params.hpp"

namespace primordial::core {

// seed_offset adds to the network's seed: "the next network" that follows whatever seed is set
// (figure 14's second row, nine networks from the one on screen).
enum class SweepParam {
    depth,
    width,
    extent,
    scale,
    activation,
    seed,
    seed_offset,
    z,
    t,
    bias_scale
};

// A setting that changes in step with a sweep: value i goes with the sweep's value i. Figure
// 14's rows are two networks, tanh and relu, each with its own seed and weight scale.
struct SweepWith {
    SweepParam param = SweepParam::seed_offset;
    std::vector<double> values;
    bool operator==(const SweepWith&) const = default;
};

struct Sweep {
    SweepParam param = SweepParam::depth;
    // Numbers; for `activation` each value is an Activation's index (see activation_value).
    std::vector<double> values;
    std::vector<SweepWith> with;  // usually none
    bool operator==(const Sweep&) const = default;
};

inline constexpr NameEntry<SweepParam> kSweepParamTable[] = {
    {SweepParam::depth, "depth"},
    {SweepParam::width, "width"},
    {SweepParam::extent, "extent"},
    {SweepParam::scale, "scale"},
    {SweepParam::activation, "activation"},
    {SweepParam::seed, "seed"},
    {SweepParam::seed_offset, "seed_offset"},
    {SweepParam::z, "z"},
    {SweepParam::t, "t"},
    {SweepParam::bias_scale, "bias_scale"}};
inline constexpr std::string_view kSweepParamNames = names_of<kSweepParamTable>;
std::string_view to_string(SweepParam p);

double activation_value(Activation a);
// `count` values from `from` to `to`: evenly spaced, or geometric (a constant ratio, as zoom
// and weight scale are felt); whole-number parameters are rounded.
Sweep make_sweep(SweepParam p, double from, double to, int count, bool geometric);

// `base` with the parameter set to `value`. Per-layer widths and activations follow a new depth
// (the last entry repeats); hand-set weights are dropped when the network's shape changes.
Params with_value(Params base, SweepParam p, double value);
// A tile's caption: "depth 4", "extent 2.5", "relu".
std::string value_label(SweepParam p, double value);
// The sweep's point i: `base` with value i, and the values that go with it, set; its caption
// ("relu (seed 7)").
Params sweep_point(Params base, const Sweep& s, std::size_t i);
std::string sweep_label(const Sweep& s, std::size_t i);

}  // namespace primordial::core
