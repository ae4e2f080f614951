// The explorer's window: owns the GLFW window, its GL context and ImGui's context and backends,
// and gathers what GLFW delivers by callback (keys, dropped files, a new content scale, any
// event at all) for the frame loop to drain. The window's mode (windowed or fullscreen) lives
// here and nowhere else.
#pragma once

#include <GLFW/glfw3.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace primordial::app {

struct KeyPress {
    int key, mods;
};

class Window {
public:
    // Opens a window with an OpenGL 3.3 core context, loads GL and sets ImGui up. Null, with the
    // reason in `error`, when there is no display or no such context.
    static std::unique_ptr<Window> open(int width, int height, std::string& error);
    ~Window();
    Window(const Window&) = delete;
    Window& operator=(const Window&) = delete;

    void poll();                // takes in the events so far
    bool wait(double seconds);  // true when an event came meanwhile, or wake() was called
    void wake();                // from any thread: ends a wait (OSC arrived)
    void begin_frame();         // ImGui's new frame (fonts rebuilt on a new monitor's scale)
    void end_frame();           // ImGui drawn, buffers swapped

    std::vector<KeyPress> take_keys() { return std::exchange(input_.keys, {}); }
    std::vector<std::string> take_dropped() { return std::exchange(input_.dropped, {}); }
    bool take_close_request();  // the close button was pressed since the last call
    std::pair<int, int> framebuffer_size() const;

    bool fullscreen() const { return fullscreen_; }
    // On monitor `monitor` (0: the primary); "" on success, else why not.
    std::string set_fullscreen(bool on, int monitor);
    void set_cursor_visible(bool visible);
    void set_clipboard(const std::string& text);
    std::optional<std::string> clipboard() const;

private:
    explicit Window(GLFWwindow* w);
    struct Input {
        std::vector<KeyPress> keys;
        std::vector<std::string> dropped;    // files dropped on the window
        std::optional<float> content_scale;  // the window moved to a monitor of another scale
        std::uint64_t events = 0;            // any input or window event, counted
    };
    static Input& input_of(GLFWwindow* w);
    void set_callbacks();

    GLFWwindow* window_;
    Input input_;
    std::atomic<bool> woken_{false};
    bool fullscreen_ = false;
    int windowed_[4] = {0, 0, 1600, 1000};  // position and size to return to
    bool imgui_backends_ = false;
};

}  // namespace primordial::app
