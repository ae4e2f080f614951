#include "app/stats_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/theory/stats.hpp"

namespace primordial::app {
namespace {

struct Series {
    std::vector<double> y;  // one value per layer, from layer `first`
    ImU32 colour;
    bool dots;
};

void explain(const char* text) {  // the last item's tooltip, in plain words
    if (ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(ImGui::GetFontSize() * 28);
        ImGui::TextUnformatted(text);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

// A log-scale plot of per-layer values, the panel's width, drawn with ImGui's draw list.
void log_plot(const char* title, const char* what, const std::vector<Series>& series, int first) {
    ImGui::TextUnformatted(title);
    explain(what);
    const float w = ImGui::GetContentRegionAvail().x, h = 7 * ImGui::GetFontSize();
    const ImVec2 a = ImGui::GetCursorScreenPos(), b(a.x + w, a.y + h);
    ImGui::Dummy(ImVec2(w, h));
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->AddRectFilled(a, b, IM_COL32(20, 20, 24, 255), 3.0f);
    double lo = INFINITY, hi = -INFINITY;
    std::size_t n = 0;
    for (const Series& s : series) {
        n = std::max(n, s.y.size());
        for (double v : s.y)
            if (v > 0 && std::isfinite(v))
                lo = std::min(lo, std::log10(v)), hi = std::max(hi, std::log10(v));
    }
    if (n < 1 || !(lo <= hi)) return;
    lo = std::floor(lo), hi = std::max(std::ceil(hi), lo + 1);
    const float pad = 4, label = ImGui::CalcTextSize("1e-10").x + pad;
    const auto px = [&](std::size_t i) {
        return a.x + label + pad + (w - label - 3 * pad) * (n > 1 ? float(i) / (n - 1) : 0.5f);
    };
    const auto py = [&](double v) {
        return b.y - pad - float((std::log10(v) - lo) / (hi - lo)) * (h - 2 * pad);
    };
    for (double d = lo; d <= hi; ++d) {  // a line and a label at each power of ten
        const float y = py(std::pow(10, d));
        draw->AddLine(ImVec2(a.x + label, y), ImVec2(b.x - pad, y), IM_COL32(70, 70, 80, 255));
        if (hi - lo <= 6 || static_cast<int>(d) % 2 == 0)
            draw->AddText(ImVec2(a.x + pad, y - ImGui::GetFontSize() * 0.5f),
                          IM_COL32(150, 150, 160, 255),
                          ("1e" + std::to_string(static_cast<int>(d))).c_str());
    }
    for (const Series& s : series) {
        ImVec2 prev;
        bool pen = false;
        for (std::size_t i = 0; i < s.y.size(); ++i) {
            if (!(s.y[i] > 0) || !std::isfinite(s.y[i])) {
                pen = false;
                continue;
            }
            const ImVec2 p(px(i), py(s.y[i]));
            if (s.dots)
                draw->AddCircleFilled(p, 2.5f, s.colour);
            else if (pen)
                draw->AddLine(prev, p, s.colour, 1.5f);
            prev = p;
            pen = true;
        }
    }
    ImGui::TextDisabled("layer %d ... %zu", first, first + n - 1);
}

constexpr const char* kPhaseWords[] = {
    // ordered
    "Ordered: two nearby points grow more alike at every layer, so depth smooths the picture "
    "into broad, calm areas; a deep ordered network fades to a few flat colours.",
    // critical
    "At the edge of chaos: nearby points keep their distance from layer to layer, neither "
    "merging nor flying apart. Detail neither dies out nor explodes with depth: the richest "
    "pictures of the article sit near here.",
    // chaotic
    "Chaotic: two nearby points drift apart a little more at every layer, so depth adds detail "
    "without end: a deep chaotic network is busy and splotchy, finest where the inputs are "
    "largest.",
};

}  // namespace

void stats_section(const StatsWorker& w, double scale) {
    if (!w.error().empty()) {
        ImGui::TextWrapped("not measured: %s", w.error().c_str());
        return;
    }
    if (!w.latest()) {
        ImGui::TextDisabled("measuring ...");
        return;
    }
    const core::NetworkStats& s = *w.latest();
    if (!w.current()) ImGui::TextDisabled("measuring the new network ...");
    if (s.phase) {
        const auto phase = static_cast<std::size_t>(*s.phase);
        ImGui::TextUnformatted(std::string(core::to_string(*s.phase)).c_str());
        explain(kPhaseWords[phase]);
        ImGui::SameLine();
        ImGui::Text("chi1 = %.3g", *s.chi1);
        explain(
            "chi1 (chi-one): how much a tiny step between two inputs is stretched by one layer, "
            "on average. Below 1 steps shrink layer after layer (ordered, smooth); above 1 they "
            "grow (chaotic, busy); at 1 they keep their size (the edge of chaos). It is the "
            "weight scale squared times the average slope of the activation squared.");
        if (s.q_star)
            ImGui::Text("q* = %.4g (where q settles)", *s.q_star);
        else
            ImGui::TextUnformatted("q grows without bound");
        explain(
            "q: the average squared size of a layer's pre-activations, the numbers each unit sums "
            "before its activation. It settles to q* after a few layers; a large q pushes tanh "
            "and sigmoid units into saturation, which gives the hard-edged splotches.");
        if (const std::string note = core::verdict_note(s); !note.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(230, 190, 120, 255));
            ImGui::TextWrapped("%s", note.c_str());
            ImGui::PopStyleColor();
        }
    }
    if (s.critical_scale) {
        ImGui::Text("edge of chaos at weight scale %.4g (now %.4g)", *s.critical_scale, scale);
        explain(
            "The weight scale at which this network would sit exactly at the edge of chaos "
            "(chi1 = 1), its other settings kept: a larger scale is chaotic, a smaller ordered.");
    }
    if (s.regions) {
        ImGui::Text("%lld linear regions at %d points", *s.regions, s.samples);
        explain(
            "With relu units the network is a patchwork of flat (linear) pieces: each piece is "
            "one pattern of which units are on. This counts the pieces the sample points fall "
            "in; more pieces, finer detail. The regions view colours them.");
    }
    std::vector<double> q, qt, length{s.input_trajectory_length};
    for (const core::LayerStats& l : s.layers) {
        q.push_back(l.q);
        qt.push_back(l.q_theory);
        length.push_back(l.trajectory_length);
    }
    log_plot("q per layer: measured (dots), mean-field theory (line)",
             "q, layer by layer: measured on this network's own weights (dots) and predicted by "
             "the mean-field theory of wide random networks (line). Close agreement says the "
             "network behaves like a typical one of its kind; docs/UNDERSTANDING.md derives it.",
             {{qt, IM_COL32(255, 150, 60, 255), false}, {q, IM_COL32(90, 170, 255, 255), true}}, 1);
    log_plot("length of the circle's image",
             "Take the circle inscribed in the view and follow it through the layers: how long "
             "its image is in each layer's space. Growing: the layers stretch and fold the plane "
             "(chaos, detail); shrinking: they squeeze it (order, smoothness). The last point is "
             "the picture's own colours.",
             {{length, IM_COL32(110, 210, 110, 255), true},
              {length, IM_COL32(110, 210, 110, 120), false}},
             0);
    const core::LayerStats& last_hidden =
        s.layers.size() > 1 ? s.layers[s.layers.size() - 2] : s.layers.back();
    ImGui::Text("last hidden layer: %.0f%% saturated, %.0f%% of units dead",
                100 * last_hidden.saturated, 100 * last_hidden.dead);
    explain(
        "Saturated: units pinned near the ends of their activation (tanh near -1 or 1), where a "
        "change of input hardly shows; many saturated units give flat areas with sharp edges. "
        "Dead: units that are off (zero) at every sample point, as relu units can be.");
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("primordial stats gives every number; docs/UNDERSTANDING.md explains them.");
    ImGui::PopStyleColor();
}

}  // namespace primordial::app
