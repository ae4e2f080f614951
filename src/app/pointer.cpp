#include "app/pointer.hpp"

#include <imgui.h>

namespace primordial::app {

Pointer read_pointer(float picture_x, float sx, float sy) {
    const ImGuiIO& io = ImGui::GetIO();
    Pointer p;
    if (io.WantCaptureMouse) return p;
    constexpr float kClickSlop = 3.0f;  // a press that moved less than this is a click
    p.over = true;
    p.x = (io.MousePos.x - picture_x) * sx;
    p.y = io.MousePos.y * sy;
    p.wheel = io.MouseWheel;
    p.held = ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f);
    p.dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left, kClickSlop);
    if (p.held) {
        p.dx = io.MouseDelta.x * sx;
        p.dy = io.MouseDelta.y * sy;
    }
    p.clicked = ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < kClickSlop * kClickSlop;
    p.double_clicked = ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left);
    p.shift = io.KeyShift;
    return p;
}

}  // namespace primordial::app
