#include "core/net/params.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

namespace primordial::core {
namespace {

[[noreturn]] void fail(const std::string& key, const std::string& what) {
    throw InvalidSetting(key, what);
}

}  // namespace

std::string_view to_string(Activation a) {
    return name_of(kActivationTable, a);
}
std::string_view to_string(Input i) {
    return name_of(kInputTable, i);
}
std::string_view to_string(Distribution d) {
    return name_of(kDistributionTable, d);
}
std::string_view to_string(Init i) {
    return name_of(kInitTable, i);
}
std::string_view to_string(BiasRule b) {
    return name_of(kBiasRuleTable, b);
}
std::string_view to_string(ShapeChange c) {
    return name_of(kShapeChangeTable, c);
}
std::optional<Activation> parse_activation(std::string_view s) {
    return value_of(kActivationTable, s);
}
std::optional<Input> parse_input(std::string_view s) {
    return value_of(kInputTable, s);
}
std::optional<Distribution> parse_distribution(std::string_view s) {
    return value_of(kDistributionTable, s);
}
std::optional<Init> parse_init(std::string_view s) {
    return value_of(kInitTable, s);
}
std::optional<BiasRule> parse_bias_rule(std::string_view s) {
    return value_of(kBiasRuleTable, s);
}

double NetworkParams::hidden_bias_scale() const {
    switch (biases) {
        case BiasRule::article:
            return bias_scale.value_or(kArticleBiasRatio * scale);
        case BiasRule::quarter:
            return bias_scale.value_or(kQuarterBiasRatio * scale);
        case BiasRule::full:
            break;
    }
    return bias_scale.value_or(scale);
}

double NetworkParams::output_layer_bias_scale() const {
    return output_bias_scale.value_or(biases == BiasRule::full ? hidden_bias_scale() : 0.0);
}

int NetworkParams::width_of(int hidden_layer) const {
    return widths.size() == 1 ? widths[0] : widths[static_cast<std::size_t>(hidden_layer)];
}

Activation NetworkParams::activation_of(int layer) const {
    if (layer == depth - 1) return output_activation;
    return activations.size() == 1 ? activations[0] : activations[static_cast<std::size_t>(layer)];
}

std::int64_t weight_count(const NetworkParams& n) {
    std::int64_t total = 0;
    for (int l = 0; l < n.depth; ++l) {
        const auto [in, out] = layer_shape(n, l);
        total += static_cast<std::int64_t>(out) * (in + 1);
    }
    return total;
}

std::pair<int, int> layer_shape(const NetworkParams& n, int layer) {
    const int in = layer == 0 ? static_cast<int>(n.inputs.size()) : n.width_of(layer - 1);
    const int out = layer == n.depth - 1 ? n.outputs : n.width_of(layer);
    return {in, out};
}

bool set_weights_fit(const NetworkParams& n, int layer) {
    if (static_cast<std::size_t>(layer) >= n.set_weights.size()) return false;
    const auto [in, out] = layer_shape(n, layer);
    const LayerValues& v = n.set_weights[static_cast<std::size_t>(layer)];
    return v.weights.size() == static_cast<std::size_t>(in) * out &&
           v.biases.size() == static_cast<std::size_t>(out);
}

bool weights_editable(const NetworkParams& n) {
    if (n.depth > kMaxEditableDepth) return false;
    for (int l = 0; l + 1 < n.depth; ++l)
        if (n.width_of(l) > kMaxEditableWidth) return false;
    return true;
}

namespace {

// Every step's strength in [0, 1], shapes within the limits, each cross's mate's steps within
// the lineage that holds it, and at most max_lineage_steps steps in all (mates' included), which
// bounds the work of building the network.
void check_lineage(const std::vector<Mutation>& lineage) {
    if (lineage.size() > Limits::max_lineage_steps)
        fail("lineage", "has more than " + std::to_string(Limits::max_lineage_steps) +
                            " steps (mates' included)");
    std::vector<std::size_t> ends{lineage.size()};  // where each open lineage's steps end
    for (std::size_t i = 0; i < lineage.size(); ++i) {
        while (ends.back() == i) ends.pop_back();
        const Mutation& m = lineage[i];
        if (!std::isfinite(m.strength) || m.strength < 0 || m.strength > 1)
            fail("lineage", "a step's strength must be between 0 and 1");
        if (m.before) {
            const Shape& sh = *m.before;
            if (sh.depth < 1 || sh.depth > Limits::max_depth || sh.widths.empty() ||
                sh.activations.empty())
                fail("lineage", "a step's earlier shape is not a network");
            for (int w : sh.widths)
                if (w < 1 || w > Limits::max_width)
                    fail("lineage", "a step's earlier shape has a width out of range");
        }
        if (m.mate_steps == 0) continue;
        if (!m.cross) fail("lineage", "only a cross has a mate's steps");
        if (m.mate_steps > ends.back() - i - 1)
            fail("lineage", "a cross's mate has more steps than follow it");
        ends.push_back(i + 1 + m.mate_steps);
    }
}

}  // namespace

void validate(const Params& p) {
    const NetworkParams& n = p.network;
    if (n.inputs.empty()) fail("inputs", "needs at least one of " + std::string(kInputNames));
    for (std::size_t i = 0; i < n.inputs.size(); ++i)
        for (std::size_t j = i + 1; j < n.inputs.size(); ++j)
            if (n.inputs[i] == n.inputs[j])
                fail("inputs",
                     std::string("'").append(to_string(n.inputs[i])).append("' is listed twice"));
    if (n.outputs != 1 && n.outputs != 3)
        fail("outputs", "must be 1 (grey) or 3 (RGB) (got " + std::to_string(n.outputs) + ")");
    check_setting(Setting::depth, n.depth);
    const auto hidden = static_cast<std::size_t>(n.depth - 1);
    if (n.widths.empty()) fail("width", "needs at least one value");
    if (n.widths.size() != 1 && n.widths.size() != hidden)
        fail("width", "give one value or one per hidden layer (" + std::to_string(hidden) +
                          " for depth " + std::to_string(n.depth) + "), got " +
                          std::to_string(n.widths.size()));
    for (int w : n.widths) check_setting(Setting::width, w);
    if (n.activations.empty()) fail("activation", "needs at least one value");
    if (n.activations.size() != 1 && n.activations.size() != hidden)
        fail("activation", "give one value or one per hidden layer (" + std::to_string(hidden) +
                               " for depth " + std::to_string(n.depth) + "), got " +
                               std::to_string(n.activations.size()));
    check_setting(Setting::scale, n.scale);
    if (n.bias_scale) check_setting(Setting::bias_scale, *n.bias_scale);
    if (n.output_bias_scale)
        check_setting(Setting::bias_scale, *n.output_bias_scale, "output_bias_scale");
    if (weight_count(n) > Limits::max_weights)
        fail("width", "network has " + std::to_string(weight_count(n)) +
                          " weights, more than the limit of " +
                          std::to_string(Limits::max_weights));

    if (!n.set_weights.empty()) {
        if (n.set_weights.size() != static_cast<std::size_t>(n.depth))
            fail("weights", "give one entry per layer (" + std::to_string(n.depth) + "), got " +
                                std::to_string(n.set_weights.size()));
        for (int l = 0; l < n.depth; ++l) {
            const auto [in, out] = layer_shape(n, l);
            const LayerValues& lv = n.set_weights[static_cast<std::size_t>(l)];
            const std::string at = "layer " + std::to_string(l + 1) + ": ";
            if (!set_weights_fit(n, l))
                fail("weights", at + "expected " + std::to_string(out) + " rows of " +
                                    std::to_string(in) + " weights and " + std::to_string(out) +
                                    " biases");
            for (float w : lv.weights)
                if (!std::isfinite(w)) fail("weights", at + "values must be finite");
            for (float b : lv.biases)
                if (!std::isfinite(b)) fail("weights", at + "values must be finite");
        }
    }

    const ViewParams& v = p.view;
    check_setting(Setting::center, v.center_x);
    check_setting(Setting::center, v.center_y);
    check_setting(Setting::extent, v.extent);
    check_setting(Setting::z, v.z);
    check_setting(Setting::t, v.t);
    if (n.morph && (!std::isfinite(n.morph->t) || n.morph->t < 0 || n.morph->t > 1))
        fail("morph", "t must be between 0 and 1");
    check_lineage(n.lineage);
    check_setting(Setting::supersample, p.supersample);
    check_setting(Setting::side, p.image_width);
    check_setting(Setting::side, p.image_height);
}

}  // namespace primordial::core
