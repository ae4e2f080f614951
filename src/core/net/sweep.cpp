#include "core/net/sweep.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

namespace primordial::core {
namespace {

bool whole(SweepParam p) {
    return p == SweepParam::depth || p == SweepParam::width || p == SweepParam::seed ||
           p == SweepParam::seed_offset || p == SweepParam::activation;
}

// A whole number of a sweep as a seed, clamped to the seeds' range: a cast of a value outside
// it would be undefined.
std::uint64_t seed_value(double v) {
    if (!(v > 0)) return 0;
    if (v >= 18446744073709551615.0) return std::numeric_limits<std::uint64_t>::max();
    return static_cast<std::uint64_t>(v);
}

}  // namespace

std::string_view to_string(SweepParam p) {
    return name_of(kSweepParamTable, p);
}

double activation_value(Activation a) {
    return static_cast<double>(static_cast<int>(a));
}

Sweep make_sweep(SweepParam p, double from, double to, int count, bool geometric) {
    Sweep s{p, {}, {}};
    for (int i = 0; i < count; ++i) {
        const double t = count > 1 ? static_cast<double>(i) / (count - 1) : 0.0;
        double v = geometric ? from * std::pow(to / from, t) : from + (to - from) * t;
        if (whole(p)) v = std::round(v);
        s.values.push_back(v);
    }
    return s;
}

Params with_value(Params p, SweepParam param, double value) {
    NetworkParams& n = p.network;
    const auto shape_changes = [&] { n.set_weights.clear(); };
    switch (param) {
        case SweepParam::depth: {
            n.depth = static_cast<int>(value);
            const auto follow = [&](auto& v) {
                if (v.size() > 1)
                    v.resize(static_cast<std::size_t>(std::max(n.depth - 1, 1)), v.back());
            };
            follow(n.widths);
            follow(n.activations);
            if (n.set_weights.size() != static_cast<std::size_t>(n.depth)) shape_changes();
            break;
        }
        case SweepParam::width:
            n.widths = {static_cast<int>(value)};
            shape_changes();
            break;
        case SweepParam::extent:
            p.view.extent = value;
            break;
        case SweepParam::scale:
            n.scale = value;
            break;
        case SweepParam::activation:
            n.activations = {static_cast<Activation>(static_cast<int>(value))};
            break;
        case SweepParam::seed:
            n.seed = seed_value(value);
            break;
        case SweepParam::seed_offset:  // wraps round 2^64, as the seeds' own arithmetic does
            n.seed = value < 0 ? n.seed - seed_value(-value) : n.seed + seed_value(value);
            break;
        case SweepParam::z:
            p.view.z = value;
            break;
        case SweepParam::t:
            p.view.t = value;
            break;
        case SweepParam::bias_scale:
            n.bias_scale = value;
            break;
    }
    return p;
}

std::string value_label(SweepParam p, double value) {
    if (p == SweepParam::activation)
        return std::string(to_string(static_cast<Activation>(static_cast<int>(value))));
    char buf[64];
    if (p == SweepParam::seed_offset) {
        std::snprintf(buf, sizeof buf, "seed %+.0f", value);
        return buf;
    }
    std::snprintf(buf, sizeof buf, "%s %.4g",
                  p == SweepParam::bias_scale ? "bias" : std::string(to_string(p)).c_str(), value);
    return buf;
}

Params sweep_point(Params base, const Sweep& s, std::size_t i) {
    base = with_value(std::move(base), s.param, s.values[i]);
    for (const SweepWith& w : s.with)
        if (i < w.values.size()) base = with_value(std::move(base), w.param, w.values[i]);
    return base;
}

std::string sweep_label(const Sweep& s, std::size_t i) {
    std::string label = value_label(s.param, s.values[i]), more;
    for (const SweepWith& w : s.with)
        if (i < w.values.size())
            more += (more.empty() ? "" : ", ") + value_label(w.param, w.values[i]);
    return more.empty() ? label : label + " (" + more + ")";
}

}  // namespace primordial::core
