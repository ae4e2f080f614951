#include "app/ui_style.hpp"

#include <fontconfig/fontconfig.h>
#include <imgui.h>

#include <memory>
#include <string>

namespace primordial::app {
namespace {

// DejaVu Sans's file, as fontconfig finds it (any distribution's layout); "" when fontconfig
// offers only a substitute.
std::string dejavu_sans_file() {
    std::unique_ptr<FcConfig, decltype(&FcConfigDestroy)> config(FcInitLoadConfigAndFonts(),
                                                                 &FcConfigDestroy);
    if (!config) return "";
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(
        FcNameParse(reinterpret_cast<const FcChar8*>("DejaVu Sans:style=Book")), &FcPatternDestroy);
    FcConfigSubstitute(config.get(), pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> match(
        FcFontMatch(config.get(), pattern.get(), &result), &FcPatternDestroy);
    FcChar8 *family = nullptr, *file = nullptr;
    if (!match || FcPatternGetString(match.get(), FC_FAMILY, 0, &family) != FcResultMatch ||
        FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch)
        return "";
    if (std::string(reinterpret_cast<const char*>(family)) != "DejaVu Sans") return "";
    return reinterpret_cast<const char*>(file);
}

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
    if (const std::string file = dejavu_sans_file(); !file.empty()) {
        ImFontConfig cfg;
        cfg.OversampleH = 2;
        found = io.Fonts->AddFontFromFileTTF(file.c_str(), kFontPixels * scale, &cfg, kGlyphs) !=
                nullptr;
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
