#include "app/ui_style.hpp"

#include <imgui.h>

#include <filesystem>

namespace primordial::app {
namespace {

constexpr const char* kFontFiles[] = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                                      "/usr/share/fonts/TTF/DejaVuSans.ttf"};
// Latin-1, dashes and quotes, arrows, the minus sign.
constexpr ImWchar kGlyphs[] = {0x0020, 0x00FF, 0x2010, 0x2027, 0x2190, 0x2193, 0x2212, 0x2212, 0};

}  // namespace

void begin_fixed_window(const char* name, float x, float y, float pivot_x, float pivot_y,
                        bool* open) {
    ImGui::SetNextWindowPos(ImVec2(x, y), ImGuiCond_Always, ImVec2(pivot_x, pivot_y));
    ImGui::Begin(name, open,
                 ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                     ImGuiWindowFlags_NoSavedSettings);
}

bool apply_ui_style(float scale) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    io.FontGlobalScale = 1.0f;
    bool found = false;
    for (const char* file : kFontFiles) {
        std::error_code ec;
        if (!std::filesystem::exists(file, ec)) continue;
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        found = io.Fonts->AddFontFromFileTTF(file, kFontPixels * scale, &cfg, kGlyphs) != nullptr;
        if (found) break;
    }
    if (!found) {
        ImFontConfig cfg;
        cfg.SizePixels = 13.0f * scale;
        io.Fonts->AddFontDefault(&cfg);
    }
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    ImGui::StyleColorsDark(&style);
    style.FrameRounding = 3.0f;
    style.WindowRounding = 4.0f;
    // Menus, dropdowns and tooltips opaque: the picture behind them never shows through.
    style.Colors[ImGuiCol_PopupBg].w = 1.0f;
    style.Colors[ImGuiCol_MenuBarBg].w = 1.0f;
    style.ScaleAllSizes(scale);
    return found;
}

}  // namespace primordial::app
