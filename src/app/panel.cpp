#include "app/panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>

#include "app/stats_panel.hpp"
#include "app/ui_style.hpp"
#include "core/io/preset.hpp"
#include "core/io/video.hpp"
#include "core/net/lineage.hpp"
#include "core/net/network.hpp"
#include "core/net/params.hpp"

namespace primordial::app {
namespace {

using core::Activation;

// Sizes in the units of ImGui's own 13-pixel font, so that they follow the font's size.
float em() {
    return ImGui::GetFontSize() / 13.0f;
}

// A combo of an enum's values, named and ordered by its table (core/net/name_table.hpp).
template <class E, class Entry, std::size_t N>
bool enum_combo(const char* label, E* value, const Entry (&table)[N]) {
    bool changed = false;
    if (ImGui::BeginCombo(label, std::string(core::name_of(table, *value)).c_str())) {
        for (const auto& entry : table)
            if (ImGui::Selectable(std::string(entry.second).c_str(), entry.first == *value)) {
                *value = entry.first;
                changed = true;
            }
        ImGui::EndCombo();
    }
    return changed;
}

bool activation_combo(const char* label, Activation* a) {
    return enum_combo(label, a, core::kActivationTable);
}

// A value a slider or a typed number set, brought within the command line's limits; what was
// changed is said in `note`. Sliders cover the usual range; Ctrl+click types up to the limit.
template <class T>
void within_limits(core::Setting s, T& value, std::string& note) {
    const core::Clamped c = core::clamp_to_range(s, static_cast<double>(value));
    value = static_cast<T>(c.value);
    if (!c.note.empty()) note = c.note;
}

// Records the last widget's rectangle as `id`.
void mark(std::vector<WidgetRect>& widgets, const char* id) {
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    widgets.push_back({id, a.x, a.y, b.x - a.x, b.y - a.y});
}

// Right-click on a slider: MIDI learn. The next knob or fader moved drives it over [lo, hi].
void midi_learn(PanelOutput& out, live::ControlId c, double lo, double hi) {
    if (ImGui::BeginPopupContextItem()) {
        if (ImGui::MenuItem("MIDI learn")) out.midi_learn = live::MidiBinding{0, 0, c, lo, hi};
        ImGui::EndPopup();
    }
}

void tooltip(const char* text) {
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

void seed_input(std::uint64_t& seed, PanelOutput& out) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%llu", static_cast<unsigned long long>(seed));
    const bool entered =
        ImGui::InputText("seed", buf, sizeof buf,
                         ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CharsNoBlank);
    mark(out.widgets, "seed");
    if (entered) {
        try {
            seed = core::parse_seed(buf);
        } catch (const core::InputError& e) {
            out.note = std::string("seed ") + e.what() + "; kept " + std::to_string(seed);
        }
    }
    tooltip("Any whole number from 0 to 2^64 - 1 (Enter to apply)");
}

void network_section(core::NetworkParams& n, PanelOutput& out) {
    std::string& note = out.note;
    seed_input(n.seed, out);
    int depth = n.depth;
    const bool depth_changed = ImGui::SliderInt("depth", &depth, 1, 64);
    mark(out.widgets, "depth");
    midi_learn(out, live::ControlId::depth, 1, 64);
    if (depth_changed) {
        within_limits(core::Setting::depth, depth, note);
        // Per-layer lists follow the depth: repeat the last entry, or trim.
        const auto resize = [&](auto& v) {
            if (v.size() > 1) v.resize(static_cast<std::size_t>(std::max(depth - 1, 1)), v.back());
        };
        n.depth = depth;
        resize(n.widths);
        resize(n.activations);
    }
    tooltip("Weight matrices, the output layer included (Ctrl+click to type, up to 256)");
    if (n.depth == 1) {  // no hidden layer: width and hidden activation do not apply
        ImGui::TextDisabled("depth 1: no hidden layer");
    } else if (n.widths.size() == 1) {
        if (ImGui::SliderInt("width", &n.widths[0], 1, 400, "%d", ImGuiSliderFlags_Logarithmic))
            within_limits(core::Setting::width, n.widths[0], note);
        midi_learn(out, live::ControlId::width, 1, 400);
        tooltip("Units per hidden layer (Ctrl+click to type, up to 1024)");
    } else {
        ImGui::TextDisabled("widths per layer (%zu)", n.widths.size());
        ImGui::SameLine();
        if (ImGui::SmallButton("make uniform")) n.widths = {n.widths.front()};
    }
    if (n.depth == 1) {
        activation_combo("output", &n.output_activation);
        return;
    }
    bool per_layer = n.activations.size() > 1;
    if (ImGui::Checkbox("activation per layer", &per_layer)) {
        n.activations = per_layer && n.depth > 2
                            ? std::vector<Activation>(n.depth - 1, n.activations.front())
                            : std::vector<Activation>{n.activations.front()};
    }
    if (n.activations.size() == 1) {
        activation_combo("activation", &n.activations[0]);
    } else if (ImGui::TreeNode("hidden layers")) {
        for (std::size_t l = 0; l < n.activations.size(); ++l) {
            ImGui::PushID(static_cast<int>(l));
            activation_combo(("layer " + std::to_string(l + 1)).c_str(), &n.activations[l]);
            ImGui::PopID();
        }
        ImGui::TreePop();
    }
    activation_combo("output", &n.output_activation);
}

void inputs_section(core::NetworkParams& n, core::ViewParams& v, core::ColorMap* colormap,
                    PanelOutput& out) {
    std::string& note = out.note;
    using core::Input;
    for (const auto& [in, name] : core::kInputTable) {
        bool on = std::find(n.inputs.begin(), n.inputs.end(), in) != n.inputs.end();
        if (in != Input::x && in != Input::cos_t) ImGui::SameLine();
        if (ImGui::Checkbox(std::string(name).c_str(), &on)) {
            if (on) {
                n.inputs.push_back(in);
            } else if (n.inputs.size() > 1) {
                n.inputs.erase(std::find(n.inputs.begin(), n.inputs.end(), in));
            }
        }
    }
    float z = static_cast<float>(v.z);
    // "##value": the slider's own ID, apart from the z input's checkbox above.
    const bool z_changed = ImGui::SliderFloat("z##value", &z, -3.0f, 3.0f);
    mark(out.widgets, "z");
    midi_learn(out, live::ControlId::z, -3, 3);
    if (z_changed) within_limits(core::Setting::z, v.z = z, note);
    float t = static_cast<float>(v.t);
    if (ImGui::SliderFloat("t (turns)", &t, 0.0f, 1.0f))
        within_limits(core::Setting::t, v.t = t, note);
    midi_learn(out, live::ControlId::t, 0, 1);
    int outputs = n.outputs == 1 ? 1 : 0;
    ImGui::RadioButton("RGB", &outputs, 0);
    ImGui::SameLine();
    ImGui::RadioButton("grey", &outputs, 1);
    n.outputs = outputs == 1 ? 1 : 3;
    if (n.outputs == 1) enum_combo("colour map", colormap, core::kColorMapTable);
}

void weights_section(core::NetworkParams& n, PanelOutput& out) {
    std::string& note = out.note;
    enum_combo("distribution", &n.distribution, core::kDistributionTable);
    enum_combo("scale scheme", &n.init, core::kInitTable);
    tooltip(
        "How the weight scale sets the weights' spread:\n"
        "range: uniform on [-scale, scale] (normal: sigma = scale), the article's\n"
        "glorot, he, lecun: a spread from each layer's fan-in (and fan-out), times the scale");
    float scale = static_cast<float>(n.scale);
    if (ImGui::SliderFloat("weight scale", &scale, 0.01f, 10.0f, "%.4g",
                           ImGuiSliderFlags_Logarithmic))
        within_limits(core::Setting::scale, n.scale = scale, note);
    midi_learn(out, live::ControlId::scale, 0.01, 3);
    enum_combo("biases", &n.biases, core::kBiasRuleTable);
    tooltip(
        "article: hidden biases at a quarter of the weight scale, none on the output layer\n"
        "full: every layer's biases at the weight scale");
    // A bias scale of its own, or the rule's (which follows the weight scale).
    const auto own_scale = [&](const char* toggle, const char* slider, std::optional<double>& v,
                               double by_rule) {
        bool own = v.has_value();
        if (ImGui::Checkbox(toggle, &own)) v = own ? std::optional<double>(by_rule) : std::nullopt;
        if (!v) return;
        float b = static_cast<float>(*v);
        if (ImGui::SliderFloat(slider, &b, 0.0f, 10.0f, "%.4g", ImGuiSliderFlags_Logarithmic))
            within_limits(core::Setting::bias_scale, *v = b, note);
    };
    own_scale("own hidden bias scale", "hidden bias scale", n.bias_scale, n.hidden_bias_scale());
    own_scale("own output bias scale", "output bias scale", n.output_bias_scale,
              n.output_layer_bias_scale());
}

// Hand-set weights for the article's small networks: every weight and bias as a number.
void hand_weights_section(core::NetworkParams& n) {
    if (!core::weights_editable(n)) {
        ImGui::TextDisabled("hand-set weights: depth <= %d, width <= %d", core::kMaxEditableDepth,
                            core::kMaxEditableWidth);
        return;
    }
    if (n.set_weights.empty()) {
        if (ImGui::Button("set weights by hand"))
            n.set_weights = core::layer_values(core::build_network(n));
        return;
    }
    ImGui::TextWrapped("Weights are hand-set: seed, distribution and scales do not apply.");
    if (ImGui::Button("back to seeded weights")) {
        n.set_weights.clear();
        return;
    }
    const float field = 58.0f * em();
    for (int l = 0; l < n.depth; ++l) {
        const auto [in, out] = core::layer_shape(n, l);
        core::LayerValues& v = n.set_weights[static_cast<std::size_t>(l)];
        ImGui::PushID(l);
        if (ImGui::TreeNodeEx("layer", ImGuiTreeNodeFlags_DefaultOpen,
                              "layer %d: %d x %d, then bias", l + 1, out, in)) {
            for (int r = 0; r < out; ++r) {
                ImGui::PushID(r);
                for (int c = 0; c <= in; ++c) {
                    float* value = c < in ? &v.weights[static_cast<std::size_t>(r) * in + c]
                                          : &v.biases[static_cast<std::size_t>(r)];
                    if (c > 0) ImGui::SameLine();
                    ImGui::SetNextItemWidth(field);
                    ImGui::PushID(c);
                    ImGui::DragFloat("##w", value, 0.01f, -100.0f, 100.0f, "%.3g");
                    ImGui::PopID();
                }
                ImGui::PopID();
            }
            ImGui::TreePop();
        }
        ImGui::PopID();
    }
}

// Sensible ranges when a sweep's setting is chosen.
core::Sweep default_sweep(core::SweepParam p) {
    using core::SweepParam;
    switch (p) {
        case SweepParam::depth:
            return core::Sweep{p, {1, 2, 4, 8, 16, 27}, {}};
        case SweepParam::width:
            return core::make_sweep(p, 10, 400, 6, true);
        case SweepParam::extent:
            return core::make_sweep(p, 40, 40.0 / 256, 9, true);
        case SweepParam::scale:
            return core::make_sweep(p, 0.5, 1, 9, true);
        case SweepParam::seed:
            return core::make_sweep(p, 1, 9, 9, false);
        case SweepParam::seed_offset:
            return core::make_sweep(p, 0, 8, 9, false);
        case SweepParam::z:
            return core::make_sweep(p, -1, 1, 5, false);
        case SweepParam::t:
            return core::make_sweep(p, 0, 0.75, 4, false);
        case SweepParam::bias_scale:
            return core::make_sweep(p, 0, 0.6, 4, false);
        case SweepParam::activation:
            return core::Sweep{p,
                               {core::activation_value(Activation::tanh),
                                core::activation_value(Activation::relu)},
                               {}};
    }
    return {};
}

void sweep_editor(const char* label, core::Sweep& sw) {
    using core::SweepParam;
    ImGui::PushID(label);
    SweepParam param = sw.param;
    if (enum_combo(label, &param, core::kSweepParamTable)) sw = default_sweep(param);
    if (sw.param == SweepParam::activation) {
        for (const auto& [a, name] : core::kActivationTable) {
            const double v = core::activation_value(a);
            bool on = std::find(sw.values.begin(), sw.values.end(), v) != sw.values.end();
            if (ImGui::Checkbox(std::string(name).c_str(), &on)) {
                if (on)
                    sw.values.push_back(v);
                else if (sw.values.size() > 1)
                    sw.values.erase(std::find(sw.values.begin(), sw.values.end(), v));
            }
        }
    } else {
        double from = sw.values.front(), to = sw.values.back();
        int count = static_cast<int>(sw.values.size());
        const bool positive = from > 0 && to > 0;
        bool geometric = positive && count >= 3 &&
                         std::abs(sw.values[1] / sw.values[0] - sw.values[2] / sw.values[1]) < 1e-6;
        bool changed = ImGui::InputDouble("from", &from, 0, 0, "%.6g");
        changed |= ImGui::InputDouble("to", &to, 0, 0, "%.6g");
        changed |= ImGui::SliderInt("tiles", &count, 1, 16);
        changed |= ImGui::Checkbox("geometric spacing", &geometric);
        if (changed)
            sw = core::make_sweep(sw.param, from, to, count, geometric && from > 0 && to > 0);
    }
    ImGui::PopID();
}

void views_section(ExplorerState& s, PanelOutput& out) {
    using core::ViewKind;
    core::ViewSpec& v = s.view;
    enum_combo("view", &v.kind, core::kViewKindTable);  // in the order V cycles
    mark(out.widgets, "view");
    if (v.kind != ViewKind::picture) ImGui::Checkbox("labels on the tiles", &s.tile_labels);
    switch (v.kind) {
        case ViewKind::grid: {
            sweep_editor("across", v.columns);
            bool rows = v.rows.has_value();
            if (ImGui::Checkbox("a second setting down the rows", &rows))
                v.rows = rows ? std::optional(default_sweep(core::SweepParam::activation))
                              : std::nullopt;
            if (v.rows)
                sweep_editor("down", *v.rows);
            else
                ImGui::SliderInt("per row", &v.wrap, 0, 8, v.wrap == 0 ? "auto" : "%d");
            break;
        }
        case ViewKind::progression:
            ImGui::SliderInt("frames", &v.frames, 1, core::kMaxProgressionFrames);
            break;
        case ViewKind::neurons:
            v.layer = std::clamp(v.layer, 1, s.params.network.depth);
            ImGui::SliderInt("layer", &v.layer, 1, s.params.network.depth);
            break;
        case ViewKind::heightmap:
        case ViewKind::surfaces: {
            float yaw = static_cast<float>(v.camera.yaw),
                  pitch = static_cast<float>(v.camera.pitch);
            if (ImGui::SliderFloat("turn", &yaw, -180, 180, "%.0f deg")) v.camera.yaw = yaw;
            if (ImGui::SliderFloat("tilt", &pitch, 5, 90, "%.0f deg")) v.camera.pitch = pitch;
            if (v.kind == ViewKind::heightmap)
                ImGui::Checkbox("with the activation's curve", &v.curve);
            break;
        }
        case ViewKind::activation: {
            Activation f = v.function.value_or(s.params.network.output_activation);
            if (activation_combo("function", &f)) v.function = f;
            break;
        }
        case ViewKind::phase:
            ImGui::TextWrapped(
                "Weight scale across, bias scale down; the line is the edge of "
                "chaos (chi1 = 1), the dot this network. Click a tile to move there.");
            if (v.columns.param == core::SweepParam::scale && v.columns.values.size() > 1)
                ImGui::TextDisabled("weight scales %.3g ... %.3g", v.columns.values.front(),
                                    v.columns.values.back());
            if (ImGui::Button("centre on this network")) v = core::phase_view(s.params);
            break;
        case ViewKind::breed: {
            core::Breeding& b = v.breed;
            float strength = static_cast<float>(b.strength);
            // The words follow the number: 0.10 is a near twin, 1.00 a stranger.
            const std::string format = "%.2f: " + std::string(core::kinship(b.strength)) + "s";
            if (ImGui::SliderFloat("strength", &strength, 0.01f, 1.0f, format.c_str()))
                b.strength = strength;
            ImGui::TextDisabled("a child's weights correlate %.2f with the parent's",
                                core::kinship_correlation(b.strength));
            tooltip(
                "Each child turns every weight and bias towards a fresh random draw by an angle "
                "of strength x 90 degrees: w' = cos(a) w + sin(a) fresh, so the weights keep "
                "their spread and correlate with the parent's by cos(a). The pictures can differ "
                "more than the weights: a chaotic network (see Statistics) magnifies small "
                "changes.");
            ImGui::Checkbox("structural changes", &b.structural);
            ImGui::SliderInt("tiles a side", &b.size, 3, 4);
            if (ImGui::Button("new children (Space)")) ++b.roll;
            if (const auto parent = core::parent_of(s.params.network)) {
                ImGui::SameLine();
                if (ImGui::Button("back to the parent")) s.params.network = *parent;
            }
            ImGui::Text("generation %d", core::generation(s.params.network));
            ImGui::TextWrapped(
                "Click a child to breed from it, Shift+click to cross it with the parent; "
                "the strip below holds the ancestors. Ctrl+Z walks back.");
            break;
        }
        case ViewKind::regions:
            ImGui::TextWrapped(
                "Each colour is one pattern of which hidden units are on: a region "
                "where the network is linear. The count is in the corner.");
            break;
        case ViewKind::curves:
            ImGui::TextWrapped(
                "Along x through the view centre; a network with x as its only input "
                "is a curve.");
            break;
        default:
            break;
    }
}

void view_section(ExplorerState& s, std::string& note) {
    core::ViewParams& v = s.params.view;
    const auto typed = [&](const char* label, double& value, core::Setting setting,
                           const char* format) {
        double x = value;
        if (ImGui::InputDouble(label, &x, 0.0, 0.0, format, ImGuiInputTextFlags_EnterReturnsTrue))
            within_limits(setting, value = x, note);
    };
    typed("centre x", v.center_x, core::Setting::center, "%.10g");
    typed("centre y", v.center_y, core::Setting::center, "%.10g");
    typed("extent", v.extent, core::Setting::extent, "%.6g");
    tooltip("Half the span of the picture's shorter side (Enter to apply)");
    if (ImGui::Button("reset view")) apply(CommandId::reset_view, s, 0);
}

// A picture size typed in pixels, each side within the limits.
void size_input(const char* label, int& w, int& h, std::string& note) {
    int size[2] = {w, h};
    if (ImGui::InputInt2(label, size, ImGuiInputTextFlags_EnterReturnsTrue)) {
        within_limits(core::Setting::side, size[0], note);
        within_limits(core::Setting::side, size[1], note);
        w = size[0], h = size[1];
    }
}

void export_section(ExplorerState& s, std::string& note) {
    bool screen = s.export_width == 0;
    if (ImGui::Checkbox("twice the picture", &screen)) {
        s.export_width = screen ? 0 : s.params.image_width * 2;
        s.export_height = screen ? 0 : s.params.image_height * 2;
    }
    if (!screen) size_input("size", s.export_width, s.export_height, note);
    // "2 x 2": ImGui formats one number, so the label carries the other.
    const std::string samples = std::to_string(s.export_supersample) + " x %d samples";
    ImGui::SliderInt("supersample", &s.export_supersample, 1, core::Limits::max_supersample,
                     samples.c_str(), ImGuiSliderFlags_AlwaysClamp);
    int sixteen = s.export_bit_depth == 16;
    ImGui::RadioButton("8-bit", &sixteen, 0);
    ImGui::SameLine();
    ImGui::RadioButton("16-bit", &sixteen, 1);
    s.export_bit_depth = sixteen ? 16 : 8;
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Into the screenshot folder; the frame stays the same at any size.");
    ImGui::PopStyleColor();
    if (ImGui::Button("export the picture (E)")) s.requests.push(Request::export_picture);
}

void animation_section(ExplorerState& s) {
    core::Animation& a = s.animation;
    if (ImGui::BeginCombo("sweep", std::string(core::to_string(a.param)).c_str())) {
        for (const auto& [p, name] : core::kAnimParamTable)
            if (ImGui::Selectable(std::string(name).c_str(), p == a.param)) {
                a.param = p;
                // Ends that make sense for the new setting, from the current state.
                switch (p) {
                    case core::AnimParam::z:
                        a.from = -1, a.to = 1;
                        break;
                    case core::AnimParam::t:
                        a.from = 0, a.to = 1;
                        break;
                    case core::AnimParam::scale:
                        a.from = s.params.network.scale * 0.5, a.to = s.params.network.scale;
                        break;
                    case core::AnimParam::extent:
                        a.from = s.params.view.extent, a.to = s.params.view.extent / 32;
                        break;
                    case core::AnimParam::center:
                        a.from = s.params.view.center_x, a.from_y = s.params.view.center_y;
                        a.to = a.from + s.params.view.extent, a.to_y = a.from_y;
                        break;
                    case core::AnimParam::morph:
                        a.from = static_cast<double>(s.params.network.seed), a.to = a.from + 1;
                        break;
                    case core::AnimParam::bias_scale:
                        a.from = 0, a.to = s.params.network.scale;
                        break;
                    case core::AnimParam::depth:
                        a.from = 1, a.to = s.params.network.depth;
                        break;
                    case core::AnimParam::width:
                        a.from = 2, a.to = s.params.network.width_of(0);
                        break;
                }
            }
        ImGui::EndCombo();
    }
    ImGui::InputDouble("from", &a.from, 0, 0, "%.6g");
    if (a.param == core::AnimParam::center) ImGui::InputDouble("from y", &a.from_y, 0, 0, "%.6g");
    ImGui::InputDouble("to", &a.to, 0, 0, "%.6g");
    if (a.param == core::AnimParam::center) ImGui::InputDouble("to y", &a.to_y, 0, 0, "%.6g");
    ImGui::SliderInt("frames", &a.frames, 2, 600);
    ImGui::Checkbox("preview (loops in the picture)", &s.animation_preview);
    // "frames only", then every format the command line's --video takes.
    if (ImGui::BeginCombo("video",
                          s.animation_video.empty() ? "frames only" : s.animation_video.c_str())) {
        if (ImGui::Selectable("frames only", s.animation_video.empty())) s.animation_video.clear();
        for (std::string_view f : core::kVideoFormats)
            if (ImGui::Selectable(std::string(f).c_str(), s.animation_video == f))
                s.animation_video = f;
        ImGui::EndCombo();
    }
    ImGui::SliderInt("fps", &s.animation_fps, 1, 60);
    if (ImGui::Button("export the animation")) s.requests.push(Request::export_animation);
}

void file_menu(PanelOutput& out, const PanelLists& lists) {
    const bool open = ImGui::BeginMenu("File");
    mark(out.widgets, "File");
    if (!open) return;
    if (ImGui::MenuItem("Open...", "Ctrl+O")) out.command = CommandId::open_file;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "A parameter file, preset, Primordial PNG or shared page, in the desktop's own file\n"
            "dialog where there is one; or drop a file on the window");
    if (ImGui::BeginMenu("Open recent", lists.recent && !lists.recent->empty())) {
        for (const std::string& r : *lists.recent)
            if (ImGui::MenuItem(r.c_str())) out.open = std::filesystem::path(r);
        ImGui::EndMenu();
    }
    ImGui::Separator();
    ImGui::TextDisabled("Into the screenshot folder:");
    if (ImGui::MenuItem("Share as web page (.html)")) out.share = ShareAs::web_page;
    mark(out.widgets, "Share as web page");
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "One file that draws this network live in any browser with WebGL2, offline;\n"
            "it opens again here (File -> Open, or drop it on the window)");
    if (ImGui::MenuItem("Share as Shadertoy shader (.glsl)")) out.share = ShareAs::shadertoy;
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip(
            "Paste into the Image tab of shadertoy.com/new; networks up to about 40 x 30");
    ImGui::EndMenu();
}

void bookmarks_section(ExplorerState& s, PanelOutput& out, const PanelLists& lists) {
    char name[128];
    std::snprintf(name, sizeof name, "%s", s.bookmark_name.c_str());
    if (ImGui::InputTextWithHint("name", "by what it holds: seed 7 · 27×30 · zoom ×4", name,
                                 sizeof name))
        s.bookmark_name = name;
    if (ImGui::Button("bookmark this (Ctrl+B)")) out.command = CommandId::bookmark;
    if (!lists.bookmarks) return;
    const float scale = em();
    for (const Bookmark& b : *lists.bookmarks) {
        ImGui::PushID(b.file.c_str());
        const unsigned tex = lists.thumbnail ? lists.thumbnail(b) : 0;
        const ImVec2 size(kThumbnailWidth * 0.5f * scale, kThumbnailHeight * 0.5f * scale);
        const bool open =
            tex ? ImGui::ImageButton(
                      reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)), size)
                : ImGui::Button("open", size);
        if (open) out.open_bookmark = b;
        ImGui::SameLine();
        ImGui::BeginGroup();
        ImGui::TextUnformatted(b.name.c_str());
        if (ImGui::SmallButton("rename")) {
            s.bookmark_rename = b.name;
            ImGui::OpenPopup("rename");
        }
        ImGui::SameLine();
        if (ImGui::SmallButton("delete")) out.delete_bookmark = b;
        if (ImGui::BeginPopup("rename")) {
            if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
            char typed[128];
            std::snprintf(typed, sizeof typed, "%s", s.bookmark_rename.c_str());
            const bool enter = ImGui::InputText("new name (Enter)", typed, sizeof typed,
                                                ImGuiInputTextFlags_EnterReturnsTrue);
            s.bookmark_rename = typed;
            if (enter) {
                out.rename_bookmark = {b, s.bookmark_rename};
                ImGui::CloseCurrentPopup();
            }
            ImGui::EndPopup();
        }
        ImGui::EndGroup();
        ImGui::PopID();
    }
}

// OSC and MIDI: what listens, which slider waits for a knob, and the knobs bound so far.
void live_section(const ExplorerState& s, PanelOutput& out, const PanelLists& lists) {
    ImGui::TextWrapped("%s", lists.live_status.c_str());
    if (lists.midi_ports)
        for (const std::string& port : *lists.midi_ports) ImGui::BulletText("%s", port.c_str());
    if (lists.midi_learning) {
        ImGui::Text("MIDI learn: move a knob or fader for %s",
                    live::control(*lists.midi_learning).name.data());
        ImGui::SameLine();
        if (ImGui::SmallButton("cancel")) out.midi_cancel = true;
    } else {
        ImGui::TextDisabled("right-click a slider for MIDI learn");
    }
    for (std::size_t i = 0; i < s.midi_bindings.size(); ++i) {
        const live::MidiBinding& b = s.midi_bindings[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Text("channel %d, controller %d: %s %.3g to %.3g", b.channel + 1, b.controller,
                    live::control(b.control).name.data(), b.lo, b.hi);
        ImGui::SameLine();
        if (ImGui::SmallButton("forget")) out.midi_forget = i;
        ImGui::PopID();
    }
}

}  // namespace

float panel_width() {
    return 340.0f * em();
}

namespace {

// A collapsing section whose widgets have IDs of their own: "size" in Export and "size" in
// Screenshot are two widgets, not one.
// A collapsing section of the panel, open or closed as it was last time (`remembered`, kept with
// the settings), else as `open_at_first` says.
class Section {
public:
    Section(const char* name, bool open_at_first, std::map<std::string, bool>& remembered) {
        if (const auto it = remembered.find(name); it != remembered.end())
            ImGui::SetNextItemOpen(it->second, ImGuiCond_Once);
        open_ = ImGui::CollapsingHeader(name, open_at_first ? ImGuiTreeNodeFlags_DefaultOpen : 0);
        remembered[name] = open_;
        if (open_) ImGui::PushID(name);
    }
    ~Section() {
        if (open_) ImGui::PopID();
    }
    Section(const Section&) = delete;
    Section& operator=(const Section&) = delete;
    explicit operator bool() const { return open_; }

private:
    bool open_;
};

}  // namespace

PanelOutput draw_panel(ExplorerState& s, float height, const PanelLists& lists) {
    PanelOutput out;
    if (!s.panel_visible) return out;
    const float width = panel_width();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(width, height));
    ImGui::Begin("Primordial", nullptr,
                 ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_MenuBar);
    if (ImGui::BeginMenuBar()) {
        file_menu(out, lists);
        if (ImGui::BeginMenu("Commands")) {
            for (const Command& c : commands())
                if (ImGui::MenuItem(std::string(c.name).c_str(), std::string(c.keys).c_str()))
                    out.command = c.id;
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Presets")) {
            for (const core::Preset& p : core::builtin_presets()) {
                const std::string label =
                    (p.figure ? "Figure " + std::to_string(p.figure) + ": " : "") + p.title;
                if (ImGui::MenuItem(label.c_str())) load_preset(s, p);
            }
            ImGui::EndMenu();
        }
        ImGui::EndMenuBar();
    }
    std::string& note = out.note;
    ImGui::PushItemWidth(-110.0f * em());
    if (Section section{"Views", true, s.sections}) {
        views_section(s, out);
        enum_combo("engine", &s.engine, gpu::kEngineRequestTable);
        mark(out.widgets, "engine");
        if (ImGui::IsItemHovered() && !lists.engine_reason.empty())
            ImGui::SetTooltip(
                "Drawing with %s.\nauto: the shader on a real GPU, the CPU evaluator on a "
                "software rasteriser",
                lists.engine_reason.c_str());
    }
    if (Section section{"Network", true, s.sections}) {
        if (ImGui::Button("new seed")) out.command = CommandId::new_seed;
        mark(out.widgets, "new seed");
        ImGui::SameLine();
        if (ImGui::Button("reset network")) out.command = CommandId::reset_network;
        tooltip(
            "Back to the default network (27 x 30 tanh, seed 26) in one step: Ctrl+Z undoes it");
        network_section(s.params.network, out);
    }
    if (Section section{"Inputs and outputs", true, s.sections})
        inputs_section(s.params.network, s.params.view, &s.params.colormap, out);
    if (Section section{"Weights", true, s.sections}) {
        weights_section(s.params.network, out);
        hand_weights_section(s.params.network);
    }
    if (Section section{"View", true, s.sections}) view_section(s, note);
    if (Section section{"Statistics", false, s.sections}) {
        out.stats_open = true;
        if (lists.stats) stats_section(*lists.stats, s.params.network.scale);
    }
    if (Section section{"Export", false, s.sections}) export_section(s, note);
    if (Section section{"Live control", false, s.sections}) live_section(s, out, lists);
    if (Section section{"Animation", false, s.sections}) animation_section(s);
    if (Section section{"Bookmarks", false, s.sections}) bookmarks_section(s, out, lists);
    if (Section section{"Presentation", false, s.sections}) {
        ImGui::TextWrapped(
            "Fullscreen without the panel; the network drifts on its own. "
            "Space pauses, Left and Right step between networks, P or Esc returns.");
        ImGui::SliderInt("monitor", &s.monitor, 0, 7, s.monitor == 0 ? "primary" : "%d");
        if (ImGui::Button("present (P)")) out.command = CommandId::presentation;
    }
    if (Section section{"Screenshot", true, s.sections}) {
        ImGui::TextWrapped("folder: %s", s.screenshot_dir.string().c_str());
        char buf[512];
        std::snprintf(buf, sizeof buf, "%s", s.screenshot_dir.string().c_str());
        if (ImGui::InputText("folder", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue))
            s.screenshot_dir = buf;
        bool window_size = s.screenshot_width == 0;
        if (ImGui::Checkbox("at the picture's size", &window_size)) {
            s.screenshot_width = window_size ? 0 : s.params.image_width;
            s.screenshot_height = window_size ? 0 : s.params.image_height;
        }
        if (!window_size) size_input("size", s.screenshot_width, s.screenshot_height, note);
        if (ImGui::Button("save screenshot (S)")) out.command = CommandId::screenshot;
    }
    ImGui::PopItemWidth();
    out.width = width;
    ImGui::End();
    return out;
}

void draw_status(const std::string& text, float x, float bottom) {
    ImGui::SetNextWindowPos(ImVec2(x + 8, bottom - 8), ImGuiCond_Always, ImVec2(0, 1));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##status", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    ImGui::TextUnformatted(text.c_str());
    ImGui::End();
}

void draw_notice(const std::string& text, bool problem, float x, float right) {
    if (text.empty()) return;
    const float width = std::min(right - x - 32.0f, 60.0f * ImGui::GetFontSize());
    if (width < 50) return;
    ImGui::SetNextWindowPos(ImVec2((x + right) * 0.5f, 12.0f), ImGuiCond_Always, ImVec2(0.5f, 0));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(width, FLT_MAX));
    ImGui::SetNextWindowBgAlpha(0.85f);
    ImGui::Begin("##notice", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                     ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                     ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoInputs);
    if (problem) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1.0f, 0.78f, 0.35f, 1.0f));
    // Wrapped at the window's width: a long path or error is read whole, never cut.
    const float text_width = ImGui::CalcTextSize(text.c_str()).x;
    ImGui::PushTextWrapPos(std::min(text_width, width - 2 * ImGui::GetStyle().WindowPadding.x) +
                           ImGui::GetCursorPosX());
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopTextWrapPos();
    if (problem) ImGui::PopStyleColor();
    ImGui::End();
}

void draw_help(bool* open) {
    if (!*open) return;
    const ImGuiIO& io = ImGui::GetIO();
    begin_fixed_window("Keys and mouse", io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f, 0.5f,
                       0.5f, open);
    if (ImGui::BeginTable("keys", 2, ImGuiTableFlags_RowBg)) {
        for (const Command& c : commands()) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::string(c.keys).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(std::string(c.name).c_str());
        }
        for (auto [k, what] :
             {std::pair{"Wheel", "Zoom about the cursor"}, std::pair{"Left drag", "Pan"},
              std::pair{"Double-click", "Centre on the point"}}) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(what);
        }
        ImGui::EndTable();
    }
    ImGui::End();
}

}  // namespace primordial::app
