#include "app/presentation.hpp"

#include <algorithm>
#include <cmath>

namespace primordial::app {

core::Params autopilot(const core::Params& base, double seconds, const Autopilot& a) {
    constexpr double kTau = 6.283185307179586;
    core::Params p = base;
    if (!p.network.set_weights.empty()) {
        // Hand-set weights have no seeds to morph between; the view still drifts.
    } else {
        const double legs = seconds / a.morph_seconds;
        const auto leg = static_cast<std::uint64_t>(std::floor(legs));
        // Smoothstep within a leg: each network rests a moment before the next begins.
        const double f = legs - std::floor(legs);
        p.network.seed = base.network.seed + leg;
        p.network.morph = core::Morph{base.network.seed + leg + 1, f * f * (3 - 2 * f)};
    }
    p.network.scale = base.network.scale * (1 + 0.12 * std::sin(kTau * seconds / a.scale_period));
    p.view.extent =
        std::clamp(base.view.extent * std::exp(0.3 * std::sin(kTau * seconds / a.zoom_period)),
                   core::Limits::min_extent, core::Limits::max_extent);
    if (std::find(p.network.inputs.begin(), p.network.inputs.end(), core::Input::z) !=
        p.network.inputs.end())
        p.view.z = std::sin(kTau * seconds / a.z_period);
    return p;
}

}  // namespace primordial::app
