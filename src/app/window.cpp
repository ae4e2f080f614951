#include "app/window.hpp"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>

#include "app/ui_style.hpp"
#include "gpu/display.hpp"

namespace primordial::app {
namespace {

void on_glfw_error(int, const char* what) {
    std::fprintf(stderr, "primordial: GLFW: %s\n", what);
}

}  // namespace

std::unique_ptr<Window> Window::open(int width, int height, std::string& error) {
    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        error = "cannot open a window (no display?)";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* w = glfwCreateWindow(width, height, "Primordial", nullptr, nullptr);
    if (!w) {
        error = "cannot open an OpenGL 3.3 window";
        glfwTerminate();
        return nullptr;
    }
    glfwMakeContextCurrent(w);
    glfwSwapInterval(1);
    std::unique_ptr<Window> window(new Window(w));  // from here the destructor cleans up
    if (std::string err = gpu::load_gl(glfwGetProcAddress); !err.empty()) {
        error = std::move(err);
        return nullptr;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember
    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(w, &xscale, &yscale);
    if (!apply_ui_style(xscale))
        std::fprintf(stderr,
                     "primordial: DejaVu Sans not found (apt-get install fonts-dejavu-core); "
                     "using ImGui's font\n");
    window->set_callbacks();  // before ImGui's backend, which chains to them
    ImGui_ImplGlfw_InitForOpenGL(w, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    window->imgui_backends_ = true;
    return window;
}

Window::Window(GLFWwindow* w) : window_(w) {
    glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
    glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
}

Window::~Window() {
    if (imgui_backends_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    if (ImGui::GetCurrentContext()) ImGui::DestroyContext();
    glfwDestroyWindow(window_);
    glfwTerminate();
}

Window::Input& Window::input_of(GLFWwindow* w) {
    return *static_cast<Input*>(glfwGetWindowUserPointer(w));
}

// Every event is counted, so the frame loop knows whether one came while it waited.
void Window::set_callbacks() {
    glfwSetWindowUserPointer(window_, &input_);
    glfwSetKeyCallback(window_, [](GLFWwindow* w, int key, int, int action, int mods) {
        ++input_of(w).events;
        if (action == GLFW_PRESS || action == GLFW_REPEAT) input_of(w).keys.push_back({key, mods});
    });
    glfwSetDropCallback(window_, [](GLFWwindow* w, int count, const char** paths) {
        for (int i = 0; i < count; ++i) input_of(w).dropped.emplace_back(paths[i]);
        ++input_of(w).events;
    });
    glfwSetWindowContentScaleCallback(window_, [](GLFWwindow* w, float x, float) {
        input_of(w).content_scale = x;
        ++input_of(w).events;
    });
    glfwSetCursorPosCallback(window_, [](GLFWwindow* w, double, double) { ++input_of(w).events; });
    glfwSetMouseButtonCallback(window_, [](GLFWwindow* w, int, int, int) { ++input_of(w).events; });
    glfwSetScrollCallback(window_, [](GLFWwindow* w, double, double) { ++input_of(w).events; });
    glfwSetCharCallback(window_, [](GLFWwindow* w, unsigned) { ++input_of(w).events; });
    glfwSetCursorEnterCallback(window_, [](GLFWwindow* w, int) { ++input_of(w).events; });
    glfwSetWindowFocusCallback(window_, [](GLFWwindow* w, int) { ++input_of(w).events; });
    glfwSetFramebufferSizeCallback(window_, [](GLFWwindow* w, int, int) { ++input_of(w).events; });
    glfwSetWindowRefreshCallback(window_, [](GLFWwindow* w) { ++input_of(w).events; });
}

void Window::poll() {
    glfwPollEvents();
}

bool Window::wait(double seconds) {
    const std::uint64_t seen = input_.events;
    glfwWaitEventsTimeout(seconds);
    return input_.events != seen || woken_.exchange(false);
}

void Window::wake() {
    woken_ = true;
    glfwPostEmptyEvent();
}

void Window::begin_frame() {
    if (const auto scale = std::exchange(input_.content_scale, std::nullopt)) {
        // Text stays crisp on the new monitor: fonts rebuilt at its scale.
        apply_ui_style(*scale);
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
}

void Window::end_frame() {
    ImGui::Render();
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    glfwSwapBuffers(window_);
}

bool Window::take_close_request() {
    if (!glfwWindowShouldClose(window_)) return false;
    glfwSetWindowShouldClose(window_, GLFW_FALSE);
    return true;
}

std::pair<int, int> Window::framebuffer_size() const {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window_, &w, &h);
    return {w, h};
}

std::string Window::set_fullscreen(bool on, int monitor) {
    if (on == fullscreen_) return "";
    if (on) {
        glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
        glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
        // The chosen monitor, else the primary one.
        int count = 0;
        GLFWmonitor** monitors = glfwGetMonitors(&count);
        GLFWmonitor* m =
            monitor > 0 && monitor < count ? monitors[monitor] : glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = m ? glfwGetVideoMode(m) : nullptr;
        if (!mode) return "fullscreen: no monitor found";
        glfwSetWindowMonitor(window_, m, 0, 0, mode->width, mode->height, mode->refreshRate);
    } else {
        glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2],
                             windowed_[3], 0);
    }
    fullscreen_ = on;
    return "";
}

void Window::set_cursor_visible(bool visible) {
    glfwSetInputMode(window_, GLFW_CURSOR, visible ? GLFW_CURSOR_NORMAL : GLFW_CURSOR_HIDDEN);
}

void Window::set_clipboard(const std::string& text) {
    glfwSetClipboardString(window_, text.c_str());
}

std::optional<std::string> Window::clipboard() const {
    const char* text = glfwGetClipboardString(window_);
    if (!text) return std::nullopt;
    return std::string(text);
}

}  // namespace primordial::app
