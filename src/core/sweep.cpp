#include "core/sweep.hpp"

#include <cmath>
#include <cstdio>

namespace primordial::core {
namespace {

bool whole(SweepParam p) {
    return p == SweepParam::depth || p == SweepParam::width || p == SweepParam::seed ||
           p == SweepParam::activation;
}

}  // namespace

std::string_view to_string(SweepParam p) {
    return name_of(kSweepParamTable, p);
}

std::optional<SweepParam> parse_sweep_param(std::string_view s) {
    return value_of(kSweepParamTable, s);
}

double activation_value(Activation a) {
    return static_cast<double>(static_cast<int>(a));
}

Sweep make_sweep(SweepParam p, double from, double to, int count, bool geometric) {
    Sweep s{p, {}};
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
            n.seed = static_cast<std::uint64_t>(value);
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
    std::snprintf(buf, sizeof buf, "%s %.4g",
                  p == SweepParam::bias_scale ? "bias" : std::string(to_string(p)).c_str(), value);
    return buf;
}

}  // namespace primordial::core
