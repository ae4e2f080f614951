// The mouse over the picture area, read from ImGui once per frame in picture pixels
// (framebuffer scale, origin at the picture's top left), for the picture and sheet views.
#pragma once

namespace primordial::app {

struct Pointer {
    bool over = false;      // over the picture and not taken by the panel or a popup
    double x = 0, y = 0;    // where, in picture pixels
    double wheel = 0;       // notches this frame; touchpads send fractions
    double dx = 0, dy = 0;  // moved this frame while the left button is held, in picture pixels
    bool held = false;      // the left button is down
    bool dragging = false;  // held and moved more than a few pixels: a drag, not a click
    bool clicked = false;   // released having moved less than that
    bool double_clicked = false;
    bool shift = false;  // Shift held
};

// `picture_x`: where the picture starts, in window coordinates; (sx, sy): window coordinates to
// framebuffer pixels.
Pointer read_pointer(float picture_x, float sx, float sy);

}  // namespace primordial::app
