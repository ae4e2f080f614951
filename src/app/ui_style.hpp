// The explorer's look: DejaVu Sans (Debian's fonts-dejavu-core) at a size that follows the
// monitor's content scale, so text is crisp on HiDPI screens and projectors; ImGui's dark style
// with opaque menus and popups. Widget sizes follow the font (app::panel_width()).
#pragma once

namespace primordial::app {

inline constexpr float kFontPixels = 15.0f;  // at a content scale of 1

// Sets the fonts and the style for `content_scale`. The caller (re)builds the font texture.
// Returns false when the font file is missing and ImGui's own font stands in.
bool apply_ui_style(float content_scale);

// Begins a small fixed window sized to its contents (a dialog, the help, a progress box), its
// pivot (0..1 of its own size) placed at (x, y) in window coordinates. End it with ImGui::End().
void begin_fixed_window(const char* name, float x, float y, float pivot_x, float pivot_y,
                        bool* open = nullptr);

}  // namespace primordial::app
