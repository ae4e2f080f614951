#include "core/net/animation.hpp"

#include "core/net/sweep.hpp"

#include <algorithm>
#include <cmath>

namespace primordial::core {
namespace {

[[noreturn]] void fail(const std::string& what) {
    throw InputError("animation: " + what);
}

bool whole_seed(double v) {
    return v >= 0 && v <= 9.007199254740992e15 && v == std::floor(v);
}

}  // namespace

std::string_view to_string(AnimParam p) {
    return name_of(kAnimParamTable, p);
}

std::optional<AnimParam> parse_anim_param(std::string_view s) {
    return value_of(kAnimParamTable, s);
}

double frame_position(const Animation& a, int k) {
    if (a.param == AnimParam::t) return static_cast<double>(k) / a.frames;
    return a.frames > 1 ? static_cast<double>(k) / (a.frames - 1) : 0.0;
}

void validate(const Params& base, const Animation& a) {
    if (a.frames < 1 || a.frames > kMaxFrames)
        fail("frames must be between 1 and " + std::to_string(kMaxFrames) + " (got " +
             std::to_string(a.frames) + ")");
    for (double v : {a.from, a.to, a.from_y, a.to_y})
        if (!std::isfinite(v)) fail("the ends must be finite numbers");
    if (a.param == AnimParam::extent && !(a.from > 0 && a.to > 0))
        fail("a zoom needs positive extents at both ends");
    if (a.param == AnimParam::morph && !(whole_seed(a.from) && whole_seed(a.to)))
        fail("a morph goes between two seeds (whole numbers >= 0)");
    if (a.param == AnimParam::morph && !base.network.set_weights.empty())
        fail("the weights are hand-set, so there are no seeds to morph between");
    // Both ends must be valid pictures.
    validate(frame_params(base, a, 0));
    validate(frame_params(base, a, a.frames - 1));
}

Params frame_params(const Params& base, const Animation& a, int k) {
    Params p = base;
    const double s = frame_position(a, k);
    const auto lerp = [&](double x, double y) { return x + (y - x) * s; };
    switch (a.param) {
        case AnimParam::z:
            p.view.z = lerp(a.from, a.to);
            break;
        case AnimParam::t: {
            p.view.t = lerp(a.from, a.to);
            // A loop needs its two inputs; add them when the network lacks them.
            for (Input in : {Input::cos_t, Input::sin_t})
                if (std::find(p.network.inputs.begin(), p.network.inputs.end(), in) ==
                    p.network.inputs.end()) {
                    p.network.inputs.push_back(in);
                    p.network.set_weights.clear();
                }
            break;
        }
        case AnimParam::scale:
            p.network.scale = lerp(a.from, a.to);
            break;
        case AnimParam::extent:
            p.view.extent = a.from * std::pow(a.to / a.from, s);
            break;
        case AnimParam::center:
            p.view.center_x = lerp(a.from, a.to);
            p.view.center_y = lerp(a.from_y, a.to_y);
            break;
        case AnimParam::morph:
            p.network.seed = static_cast<std::uint64_t>(a.from);
            p.network.morph = Morph{static_cast<std::uint64_t>(a.to), s};
            break;
        case AnimParam::bias_scale:
            p.network.bias_scale = lerp(a.from, a.to);
            break;
        case AnimParam::depth:
            p = with_value(p, SweepParam::depth, std::round(lerp(a.from, a.to)));
            break;
        case AnimParam::width:
            p = with_value(p, SweepParam::width, std::round(lerp(a.from, a.to)));
            break;
    }
    return p;
}

}  // namespace primordial::core
