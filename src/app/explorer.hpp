// The explorer: a GLFW window with the picture and an ImGui panel.
#pragma once

#include <filesystem>
#include <optional>

#include "core/net/params.hpp"
#include "core/views/sheet.hpp"
#include "gpu/engine.hpp"

namespace primordial::app {

struct ExplorerOptions {
    std::optional<core::Params> params;  // start from these instead of the saved session
    std::optional<core::ViewSpec> view;  // and this view (from a preset)
    std::optional<std::filesystem::path> screenshot_dir;
    int window_width = 1600, window_height = 1000;
    double frame_budget_ms = 30;  // rendering time per frame while a picture refines
    bool present = false;         // start in presentation mode
    int monitor = 0;              // for fullscreen and presentation: 0 = primary
    // The shader, the CPU evaluator on worker threads, or whichever is faster here.
    gpu::EngineRequest engine = gpu::EngineRequest::automatic;
    // OSC: listen on this UDP port (and host: loopback unless told otherwise).
    std::optional<int> osc_port;
    std::string osc_host = "127.0.0.1";
    // Where to write the panel widgets' rectangles as JSON whenever they move (for tests).
    std::optional<std::filesystem::path> report_layout;
};

// Runs until the window closes. Returns an exit code; prints one-line errors to stderr.
int run_explorer(const ExplorerOptions& opt);

// Whether a window can be opened here (a display exists).
bool display_available();

}  // namespace primordial::app
