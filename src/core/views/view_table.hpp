// The view kinds, in one table: each kind's name, why it cannot show a network, and the function
// that lays it out, each in its own file under views/kinds/. The panel's menu, the V key
// (next_view), the command line and files (view names), `bench` and build_sheet all read it.
// Adding a view: a value in ViewKind, its layout in a new kinds/<name>.cpp, and one row below
// (docs/ARCHITECTURE.md, "Adding a view").
#pragma once

#include <string>
#include <string_view>

#include "core/net/name_table.hpp"
#include "core/net/params.hpp"

namespace primordial::core {

enum class ViewKind {
    picture,
    progression,
    grid,
    neurons,
    decomposition,
    curves,
    heightmap,
    surfaces,
    channels,
    activation,
    phase,
    regions,
    detail,
    breed
};

struct ViewSpec;
class SheetBuilder;

// Why a view of the kind cannot show `p` ("channels needs a network with 3 outputs"), or "".
using ViewUnavailable = std::string (*)(const Params& p);
// Lays out `spec` on the builder's canvas; throws InputError when the spec cannot apply.
using ViewLayout = void (*)(SheetBuilder& b, const ViewSpec& spec);

struct ViewKindInfo : NameEntry<ViewKind> {
    ViewUnavailable unavailable;  // nullptr: it can show every network
    ViewLayout layout;
};

// Each view kind's functions (views/kinds/<name>.cpp).
void layout_picture(SheetBuilder& b, const ViewSpec& spec);
void layout_progression(SheetBuilder& b, const ViewSpec& spec);
void layout_grid(SheetBuilder& b, const ViewSpec& spec);
void layout_neurons(SheetBuilder& b, const ViewSpec& spec);
std::string decomposition_unavailable(const Params& p);
void layout_decomposition(SheetBuilder& b, const ViewSpec& spec);
void layout_curves(SheetBuilder& b, const ViewSpec& spec);
void layout_heightmap(SheetBuilder& b, const ViewSpec& spec);
std::string surfaces_unavailable(const Params& p);
void layout_surfaces(SheetBuilder& b, const ViewSpec& spec);
std::string channels_unavailable(const Params& p);
void layout_channels(SheetBuilder& b, const ViewSpec& spec);
void layout_activation(SheetBuilder& b, const ViewSpec& spec);
std::string phase_unavailable(const Params& p);
void layout_phase(SheetBuilder& b, const ViewSpec& spec);
std::string regions_view_unavailable(const Params& p);
void layout_regions(SheetBuilder& b, const ViewSpec& spec);
std::string breed_unavailable(const Params& p);
void layout_breed(SheetBuilder& b, const ViewSpec& spec);
void layout_detail(SheetBuilder& b, const ViewSpec& spec);

// In the order the V key cycles, the panel's menu lists them and the README describes them.
inline constexpr ViewKindInfo kViewKindTable[] = {
    {{ViewKind::picture, "picture"}, nullptr, layout_picture},
    {{ViewKind::progression, "progression"}, nullptr, layout_progression},
    {{ViewKind::grid, "grid"}, nullptr, layout_grid},
    {{ViewKind::neurons, "neurons"}, nullptr, layout_neurons},
    {{ViewKind::decomposition, "decomposition"}, decomposition_unavailable, layout_decomposition},
    {{ViewKind::curves, "curves"}, nullptr, layout_curves},
    {{ViewKind::heightmap, "heightmap"}, nullptr, layout_heightmap},
    {{ViewKind::surfaces, "surfaces"}, surfaces_unavailable, layout_surfaces},
    {{ViewKind::channels, "channels"}, channels_unavailable, layout_channels},
    {{ViewKind::activation, "activation"}, nullptr, layout_activation},
    {{ViewKind::phase, "phase"}, phase_unavailable, layout_phase},
    {{ViewKind::regions, "regions"}, regions_view_unavailable, layout_regions},
    {{ViewKind::detail, "detail"}, nullptr, layout_detail},
    {{ViewKind::breed, "breed"}, breed_unavailable, layout_breed},
};
inline constexpr auto kViewKinds = values_of<kViewKindTable>;
inline constexpr std::string_view kViewKindNames = names_of<kViewKindTable>;

// The kind's row (every kind has one: a test checks).
const ViewKindInfo& view_kind_info(ViewKind k);
std::string_view to_string(ViewKind k);

}  // namespace primordial::core
