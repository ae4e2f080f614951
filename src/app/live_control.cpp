#include "app/live_control.hpp"

#include "core/net/sweep.hpp"

namespace primordial::app {
namespace {

// The control's sweep setter, for those that have one.
std::optional<core::SweepParam> sweep_param(live::ControlId id) {
    switch (id) {
        case live::ControlId::depth:
            return core::SweepParam::depth;
        case live::ControlId::width:
            return core::SweepParam::width;
        case live::ControlId::scale:
            return core::SweepParam::scale;
        case live::ControlId::bias_scale:
            return core::SweepParam::bias_scale;
        case live::ControlId::extent:
            return core::SweepParam::extent;
        case live::ControlId::z:
            return core::SweepParam::z;
        case live::ControlId::t:
            return core::SweepParam::t;
        default:
            return std::nullopt;
    }
}

}  // namespace

void apply_live(ExplorerState& s, const live::Value& v, LiveEffects& out) {
    using live::ControlId;
    if (!v.note.empty()) out.notes.push_back(std::string(v.control->name) + ": " + v.note);
    core::NetworkParams& n = s.params.network;
    if (const auto p = sweep_param(v.control->id)) {
        const bool whole = v.control->kind == live::ArgKind::whole;
        s.params =
            core::with_value(s.params, *p, whole ? static_cast<double>(v.whole) : v.number[0]);
        return;
    }
    switch (v.control->id) {
        case ControlId::seed:
            n.seed = v.whole;
            break;
        case ControlId::activation:
            n.activations = {*core::parse_activation(v.name)};
            break;
        case ControlId::output_activation:
            n.output_activation = *core::parse_activation(v.name);
            break;
        case ControlId::center:
            s.params.view.center_x = v.number[0];
            s.params.view.center_y = v.number[1];
            break;
        case ControlId::view: {
            const core::ViewKind kind = *core::value_of(core::kViewKindTable, v.name);
            if (const std::string why = core::view_unavailable(s.params, kind); !why.empty()) {
                out.notes.push_back("view: " + why);
                break;
            }
            s.view.kind = kind;
            break;
        }
        case ControlId::colormap:
            s.params.colormap = *core::value_of(core::kColorMapTable, v.name);
            break;
        case ControlId::bookmark:
            out.bookmark = static_cast<std::size_t>(v.whole - 1);
            break;
        case ControlId::export_picture:
            s.requests.push(Request::export_picture);
            break;
        case ControlId::autopilot:
            out.autopilot = v.whole == 1;
            break;
        case ControlId::state:
            out.state_to.push_back(v.sender);
            break;
        default:
            break;
    }
}

}  // namespace primordial::app
