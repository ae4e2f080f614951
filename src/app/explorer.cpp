#include "app/explorer.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ClosePopupToLevel: Esc closes the innermost popup
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <chrono>
#include <map>
#include <utility>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <random>
#include <vector>

#include "app/actions.hpp"
#include "app/bookmarks.hpp"
#include "app/escape.hpp"
#include "app/export_job.hpp"
#include "app/history.hpp"
#include "app/notices.hpp"
#include "app/panel.hpp"
#include "app/paths.hpp"
#include "app/presentation.hpp"
#include "app/session.hpp"
#include "app/sheet_view.hpp"
#include "app/stats_worker.hpp"
#include "app/status.hpp"
#include "app/ui_style.hpp"
#include "share/shadertoy.hpp"
#include "share/web_page.hpp"
#include "core/evaluate.hpp"
#include "core/network.hpp"
#include "core/params_json.hpp"
#include "core/preset.hpp"
#include "core/png_io.hpp"
#include "core/row_renderer.hpp"
#include "core/video.hpp"
#include "core/view.hpp"
#include "core/atomic_file.hpp"
#include "gpu/cpu_engine.hpp"
#include "gpu/display.hpp"
#include "gpu/engine.hpp"
#include "gpu/gpu_row_renderer.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/progressive.hpp"

namespace primordial::app {
namespace {

struct KeyPress {
    int key, mods;
};

// Window-level input that GLFW delivers by callback; the loop drains it each frame.
struct WindowInput {
    std::vector<KeyPress> keys;
    std::vector<std::string> dropped;  // files dropped on the window
    std::optional<float> content_scale;  // the window moved to a monitor of another scale
    std::uint64_t events = 0;            // any input or window event, counted
};

WindowInput& input_of(GLFWwindow* w) { return *static_cast<WindowInput*>(glfwGetWindowUserPointer(w)); }

// Counts every event, so the frame loop knows whether one came while it waited. Set before
// ImGui's backend, which chains to them.
void count_events(GLFWwindow* window) {
    glfwSetCursorPosCallback(window, [](GLFWwindow* w, double, double) { ++input_of(w).events; });
    glfwSetMouseButtonCallback(window, [](GLFWwindow* w, int, int, int) { ++input_of(w).events; });
    glfwSetScrollCallback(window, [](GLFWwindow* w, double, double) { ++input_of(w).events; });
    glfwSetCharCallback(window, [](GLFWwindow* w, unsigned) { ++input_of(w).events; });
    glfwSetCursorEnterCallback(window, [](GLFWwindow* w, int) { ++input_of(w).events; });
    glfwSetWindowFocusCallback(window, [](GLFWwindow* w, int) { ++input_of(w).events; });
    glfwSetFramebufferSizeCallback(window, [](GLFWwindow* w, int, int) { ++input_of(w).events; });
    glfwSetWindowRefreshCallback(window, [](GLFWwindow* w) { ++input_of(w).events; });
}

void on_content_scale(GLFWwindow* w, float x, float) {
    input_of(w).content_scale = x;
    ++input_of(w).events;
}

void on_drop(GLFWwindow* w, int count, const char** paths) {
    for (int i = 0; i < count; ++i) input_of(w).dropped.emplace_back(paths[i]);
    ++input_of(w).events;
}

void on_key(GLFWwindow* w, int key, int, int action, int mods) {
    ++input_of(w).events;
    if (action != GLFW_PRESS && action != GLFW_REPEAT) return;
    input_of(w).keys.push_back({key, mods});
}

std::uint64_t fresh_seed() {
    std::random_device rd;
    return 1 + rd() % 999999;  // short enough to read out and type back
}

class Explorer {
public:
    Explorer(GLFWwindow* window, const ExplorerOptions& opt, Session session, std::string message)
        : window_(window), opt_(opt), sheet_view_(renderer_, [this] { return make_engine(); }),
          history_(tracked_state(session.params, session.view)),
          recent_(session.recent), bookmarks_dir_(data_dir(system_getenv()) / "bookmarks"),
          bookmarks_(list_bookmarks(bookmarks_dir_)) {
        state_.params = session.params;
        state_.view = session.view;
        state_.presenting = opt.present;
        state_.monitor = opt.monitor;
        glfwSetDropCallback(window_, on_drop);
        state_.screenshot_dir = session.screenshot_dir;
        glfwSetWindowUserPointer(window_, &input_);
        use_engine(opt.engine);
        glfwSetKeyCallback(window_, on_key);  // before ImGui, which chains to it
        count_events(window_);
        glfwSetWindowContentScaleCallback(window_, on_content_scale);
        if (!message.empty()) warn(message);
    }

    void run() {
        Wake wake = Wake::now;
        while (!state_.quit) {
            // Sleep until an event while nothing changes; spin while the frame itself refines the
            // picture; check back every few milliseconds while threads work on it, leaving them
            // the cores.
            switch (wake) {
                case Wake::now: glfwPollEvents(); break;
                case Wake::soon: {
                    // Threads at work and nothing else happening: a frame (which on a software
                    // rasteriser takes cores from them) only when they finished something, and
                    // a few times a second for the status line.
                    const std::uint64_t seen = input_.events;
                    glfwWaitEventsTimeout(gpu::kCheckBackMs / 1000.0);
                    if (input_.events == seen && !collect_background() &&
                        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - last_drawn_)
                                .count() < gpu::kRedrawMs)
                        continue;
                    break;
                }
                case Wake::on_event: glfwWaitEventsTimeout(0.5); break;
            }
            if (const auto scale = std::exchange(input_.content_scale, std::nullopt)) {
                // Text stays crisp on the new monitor: fonts rebuilt at its scale.
                apply_ui_style(*scale);
                ImGui_ImplOpenGL3_DestroyFontsTexture();
                ImGui_ImplOpenGL3_CreateFontsTexture();
            }
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            wake = frame();
            last_drawn_ = std::chrono::steady_clock::now();
            ImGui::Render();
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            glfwSwapBuffers(window_);
        }
    }

    Session session() const {
        return {state_.params, state_.view, state_.screenshot_dir, recent_};
    }

private:
    enum class Wake { now, soon, on_event };

    bool collect_background() {
        return !presenting_ && sheet_mode() ? sheet_view_.collect() : progressive_->collect();
    }

    // One frame: input, panel, rendering within the budget. Returns when the next frame is
    // needed without new events.
    Wake frame() {
        if (state_.presenting || presenting_) {
            if (!presenting_) enter_presentation();
            int w = 0, h = 0;
            glfwGetFramebufferSize(window_, &w, &h);
            return presentation_frame(std::max(1, w), std::max(1, h));
        }
        const auto frame_start = std::chrono::steady_clock::now();
        const ImGuiIO& io = ImGui::GetIO();
        const core::Params before = state_.params;
        const core::ViewSpec view_before = state_.view;

        PanelLists lists{&recent_, &bookmarks_, [this](const Bookmark& b) { return thumbnail(b); }, &stats_,
                         engine_.reason};
        const PanelOutput panel = draw_panel(state_, io.DisplaySize.y, lists);
        if (!panel.note.empty()) warn(panel.note);
        if (state_.engine != engine_request_) use_engine(state_.engine);
        if (panel.stats_open) stats_.request(state_.params);
        stats_.poll();
        if (panel.command) apply_command(*panel.command);
        if (panel.open) open_file(*panel.open);
        if (panel.share) share(*panel.share);
        if (panel.open_bookmark) open_bookmark(*panel.open_bookmark);
        if (panel.delete_bookmark) remove_bookmark(*panel.delete_bookmark);
        for (const std::string& f : input_.dropped) open_file(f);
        input_.dropped.clear();

        int fb_w = 0, fb_h = 0;
        glfwGetFramebufferSize(window_, &fb_w, &fb_h);
        const float sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
        const int pic_x = static_cast<int>(panel.width * sx);
        const int pic_w = std::max(1, fb_w - pic_x), pic_h = std::max(1, fb_h);
        state_.params.image_width = pic_w;
        state_.params.image_height = pic_h;

        // A sheet leaves a strip at the bottom for the status line, which then covers no tile.
        if (sheet_mode())
            state_.params.image_height = std::max(1, pic_h - static_cast<int>(status_height() * sy));

        if (sheet_mode()) handle_sheet_mouse(panel.width, sx, sy);
        else handle_mouse(panel.width, sx, sy);
        handle_keys();
        if (glfwWindowShouldClose(window_)) {  // the window's close button
            glfwSetWindowShouldClose(window_, GLFW_FALSE);
            state_.quit = true;
        }
        if (state_.quit && on_close_request(open_things()) == EscapeAction::ask_to_quit) {
            state_.quit = false;
            quit_dialog_ = true;
        }

        core::fit_set_weights(state_.params.network);  // hand-set weights follow shape edits
        try {
            core::validate(state_.params);
        } catch (const core::InputError& e) {
            warn(std::string("not applied: ") + e.what());
            state_.params = before;
        }
        if (state_.fullscreen != fullscreen_) set_fullscreen(state_.fullscreen);
        if (sheet_mode()) {
            std::string why;
            sheet_view_.update(state_, opt_.frame_budget_ms, why);
            if (!why.empty()) warn(why);
        }
        const bool sheet = sheet_mode();
        if (!sheet) update_renderer(preview_params());
        // The budget covers the whole frame: what the input and a rebuilt network took is
        // taken off the rendering time.
        const double spent = std::chrono::duration<double, std::milli>(
                                 std::chrono::steady_clock::now() - frame_start)
                                 .count();
        const double budget = std::max(1.0, opt_.frame_budget_ms - spent);
        const bool more = sheet ? sheet_view_.step(budget) : progressive_->step(budget);

        gpu::clear_framebuffer(fb_w, fb_h);
        if (sheet) {
            sheet_view_.present(pic_x, fb_h);
            sheet_view_.draw_overlay(panel.width, 1.0f / sx, 1.0f / sy);
            if (state_.tile_labels) sheet_view_.draw_labels(panel.width, 1.0f / sx, 1.0f / sy);
            draw_status(engine_.label + "  |  " + sheet_view_.status_text(), panel.width, io.DisplaySize.y);
            const std::string label = sheet_view_.hovered_label();
            if (!label.empty() && !io.WantCaptureMouse) ImGui::SetTooltip("%s", label.c_str());
        } else {
            progressive_->present(pic_x, 0, pic_w, pic_h);
            draw_status(engine_.label + "  |  " +
                            picture_status(progressive_->status(), network_->multiply_adds(), pic_w, pic_h),
                        panel.width, io.DisplaySize.y);
        }
        const auto now = Notices::Clock::now();
        draw_notice(notices_.current(now), notices_.problem(), panel.width, io.DisplaySize.x);
        bool help = state_.help_visible;
        draw_help(&help);
        state_.help_visible = help;
        if (quit_dialog_) draw_quit_dialog();
        if (state_.screenshot_requested) {
            state_.screenshot_requested = false;
            save_screenshot();
        }
        handle_requests();
        run_job(frame_start);
        // One undo step per gesture: while a widget is held, the mouse is down over the
        // picture, or the wheel is turning, changes extend the step they started.
        if (io.MouseWheel != 0) last_wheel_ = std::chrono::steady_clock::now();
        const bool wheel_burst = std::chrono::steady_clock::now() - last_wheel_ < std::chrono::milliseconds(400);
        history_.record(tracked_state(state_.params, state_.view),
                        ImGui::IsAnyItemActive() || ImGui::IsMouseDown(ImGuiMouseButton_Left) || wheel_burst);
        // While a notice is up the loop keeps running, so it goes when its time is over.
        if (job_ || state_.animation_preview || ImGui::IsAnyItemActive() ||
            !(state_.params == before) || !(state_.view == view_before))
            return Wake::now;
        // The CPU engine's threads, the statistics and slow plots work on their own: the frame
        // only collects what they finished.
        if (more && engine_.kind == gpu::EngineKind::gpu && !sheet_view_.plotting()) return Wake::now;
        if (more || stats_.busy() || !notices_.current(now).empty()) return Wake::soon;
        return Wake::on_event;
    }

    float status_height() const { return ImGui::GetFrameHeight() + 16.0f; }

    OpenThings open_things() const {
        const ImGuiContext* g = ImGui::GetCurrentContext();
        return {ImGui::GetIO().WantTextInput, !g->OpenPopupStack.empty(), quit_dialog_,
                state_.help_visible, job_ != nullptr};
    }

    // Esc closes the innermost open thing and quits only when nothing is open; other keys act
    // only when no text field, menu or dropdown has them.
    void handle_keys() {
        const ImGuiIO& io = ImGui::GetIO();
        for (const KeyPress& k : input_.keys) {
            const OpenThings open = open_things();
            if (k.key == GLFW_KEY_ESCAPE && k.mods == 0) {
                switch (on_escape(open)) {
                    case EscapeAction::none: break;
                    case EscapeAction::close_popup:
                        ImGui::ClosePopupToLevel(ImGui::GetCurrentContext()->OpenPopupStack.Size - 1, true);
                        break;
                    case EscapeAction::close_quit_dialog: quit_dialog_ = false; break;
                    case EscapeAction::close_help: state_.help_visible = false; break;
                    case EscapeAction::ask_to_quit: quit_dialog_ = true; break;
                    case EscapeAction::quit: state_.quit = true; break;
                }
                continue;
            }
            if (quit_dialog_ && (k.key == GLFW_KEY_ENTER || k.key == GLFW_KEY_KP_ENTER)) {
                cancel_job_and_quit();
                continue;
            }
            if (io.WantCaptureKeyboard || open.popup || quit_dialog_) continue;
            if (auto id = command_for_key(k.key, k.mods)) apply_command(*id);
        }
        input_.keys.clear();
    }

    // Quitting while an export or animation is being written asks first; cancelling it leaves
    // no file behind (the writer's file appears only when complete).
    void draw_quit_dialog() {
        const ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.4f), ImGuiCond_Always,
                                ImVec2(0.5f, 0.5f));
        ImGui::Begin("Quit while exporting?", nullptr,
                     ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse |
                         ImGuiWindowFlags_NoSavedSettings);
        ImGui::Text("%s is not finished (%.0f%%).", job_ ? job_->output().filename().string().c_str() : "the export",
                    job_ ? job_->fraction() * 100 : 100.0);
        ImGui::TextUnformatted("Quitting now cancels it and leaves no file.");
        if (ImGui::Button("keep exporting (Esc)")) quit_dialog_ = false;
        ImGui::SameLine();
        if (ImGui::Button("cancel it and quit (Enter)")) cancel_job_and_quit();
        ImGui::End();
        if (!job_) quit_dialog_ = false;  // it finished meanwhile: nothing to ask
    }

    void cancel_job_and_quit() {
        if (job_) job_->cancel();
        job_.reset();
        quit_dialog_ = false;
        state_.quit = true;
    }

    bool sheet_mode() const { return state_.view.kind != core::ViewKind::picture; }

    // The engine asked for (auto, gpu or cpu), for the picture and for every tile of a view.
    void use_engine(gpu::EngineRequest request) {
        engine_request_ = state_.engine = request;
        engine_ = gpu::choose_engine(request, renderer_.capabilities().software(),
                                     renderer_.capabilities().renderer);
        std::fprintf(stderr, "primordial: drawing with %s\n", engine_.reason.c_str());
        progressive_ = make_engine();
        sheet_view_.set_engine_factory([this] { return make_engine(); });
        shown_ = {};
        network_.reset();  // the next frame starts the picture again on the new engine
    }

    std::unique_ptr<gpu::ProgressiveEngine> make_engine() {
        if (engine_.kind == gpu::EngineKind::gpu) return std::make_unique<gpu::ProgressiveRenderer>(renderer_);
        if (!workers_) workers_ = std::make_unique<gpu::CpuWorkers>();
        return std::make_unique<gpu::CpuEngine>(*workers_, renderer_.presenter());
    }

    // The picture to show: the state, or the previewed frame of the animation, which moves on
    // whenever the last one is finished.
    core::Params preview_params() {
        if (!state_.animation_preview) return state_.params;
        try {
            core::validate(state_.params, state_.animation);
        } catch (const core::InputError& e) {
            warn(std::string("no preview: ") + e.what());
            state_.animation_preview = false;
            return state_.params;
        }
        if (progressive_->status().done) preview_frame_ = (preview_frame_ + 1) % state_.animation.frames;
        preview_frame_ = std::min(preview_frame_, state_.animation.frames - 1);
        return core::frame_params(state_.params, state_.animation, preview_frame_);
    }

    // Renders pictures of any size on the CPU on a software rasteriser, else on the GPU with a
    // renderer of its own (so the explorer's picture keeps its network).
    RowRendererFactory job_rows() {
        if (renderer_.capabilities().software()) return cpu_rows();
        if (!export_renderer_) export_renderer_ = std::make_unique<gpu::NetworkRenderer>();
        return [this](const core::Network& net, const core::Params& p, int w, int h) -> std::unique_ptr<core::RowRenderer> {
            export_renderer_->set_network(net);
            export_renderer_->set_view(p.view);
            export_renderer_->set_colormap(p.colormap);
            return std::make_unique<gpu::GpuRowRenderer>(*export_renderer_, w, h);
        };
    }

    void run_job(std::chrono::steady_clock::time_point frame_start) {
        try {
            if (std::exchange(state_.export_requested, false) && !job_) {
                core::Params p = state_.params;
                p.image_width = state_.export_width ? state_.export_width : state_.params.image_width * 2;
                p.image_height = state_.export_height ? state_.export_height : state_.params.image_height * 2;
                p.supersample = state_.export_supersample;
                std::filesystem::create_directories(state_.screenshot_dir);
                // "-export" keeps it apart from a screenshot taken while it renders.
                const auto shot = unique_screenshot_path(state_.screenshot_dir, std::chrono::system_clock::now());
                job_ = std::make_unique<ExportJob>(p, shot.parent_path() / (shot.stem().string() + "-export.png"),
                                                   state_.export_bit_depth, job_rows());
            }
            if (std::exchange(state_.animation_export_requested, false) && !job_) {
                const auto name = unique_screenshot_path(state_.screenshot_dir, std::chrono::system_clock::now()).stem();
                const auto dir = state_.screenshot_dir / (name.string() + "-frames");
                std::optional<std::filesystem::path> video;
                if (!state_.animation_video.empty()) {
                    if (!core::program_installed("ffmpeg"))
                        throw std::runtime_error("a video needs the ffmpeg program (apt-get install ffmpeg)");
                    video = state_.screenshot_dir / (name.string() + state_.animation_video);
                }
                job_ = std::make_unique<ExportJob>(state_.params, state_.animation, dir, video,
                                                   state_.animation_fps, job_rows());
            }
        } catch (const std::exception& e) {
            warn(std::string("export not started: ") + e.what());
        }
        if (!job_) return;
        // Half of what is left of the frame: the picture keeps refining meanwhile.
        const double spent = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - frame_start).count();
        job_->step(std::max(2.0, 0.5 * (opt_.frame_budget_ms - spent)));
        const ImGuiIO& io = ImGui::GetIO();
        ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, io.DisplaySize.y - 60), ImGuiCond_Always, ImVec2(0.5f, 1));
        ImGui::Begin("Exporting", nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
        ImGui::TextUnformatted(job_->status().c_str());
        ImGui::ProgressBar(static_cast<float>(job_->fraction()), ImVec2(25 * ImGui::GetFontSize(), 0));
        if (ImGui::Button("cancel")) job_->cancel();
        ImGui::End();
        if (job_->ended()) {
            if (job_->error().empty()) tell("exported " + job_->output().string());
            else warn("export stopped: " + job_->error());
            std::fprintf(stderr, "primordial: %s\n", notices_.current(Notices::Clock::now()).c_str());
            job_.reset();
        }
    }

    // Takes a state (undo, paste, a file, a bookmark) into the window: its picture size stays.
    void take_state(const core::State& s) {
        const int w = state_.params.image_width, h = state_.params.image_height;
        state_.params = s.params;
        state_.params.image_width = w;
        state_.params.image_height = h;
        state_.view = s.view;
    }

    void handle_requests() {
        if (std::exchange(state_.undo_requested, false)) {
            history_.can_undo() ? tell("undone") : warn("nothing to undo");
            take_state(history_.undo());
        }
        if (std::exchange(state_.redo_requested, false)) {
            history_.can_redo() ? tell("redone") : warn("nothing to redo");
            take_state(history_.redo());
        }
        if (std::exchange(state_.copy_requested, false)) {
            core::Preset p{"clipboard", 0, "Copied from the Primordial explorer", state_.params, state_.view, {}};
            glfwSetClipboardString(window_, core::preset_to_json(p).c_str());
            tell("copied the state to the clipboard: paste it with Ctrl+V, or save it as a .json file for --params");
        }
        if (std::exchange(state_.paste_requested, false)) {
            const char* text = glfwGetClipboardString(window_);
            try {
                if (!text) throw core::InputError("the clipboard holds no text");
                take_state(core::state_from_text(text, "clipboard"));
                tell("pasted the state from the clipboard");
            } catch (const core::InputError& e) {
                warn(std::string("not pasted: ") + e.what());
            }
        }
        if (std::exchange(state_.bookmark_requested, false)) {
            try {
                const auto file = save_bookmark(bookmarks_dir_, state_.bookmark_name,
                                                core::State{state_.params, state_.view});
                bookmarks_ = list_bookmarks(bookmarks_dir_);
                tell("bookmarked as " + file.stem().string());
            } catch (const std::exception& e) {
                warn(std::string("bookmark failed: ") + e.what());
            }
        }
    }

    // The picture's network and view as a web page or a Shadertoy shader, next to the screenshots.
    void share(ShareAs as) {
        const bool page = as == ShareAs::web_page;
        try {
            std::filesystem::create_directories(state_.screenshot_dir);
            std::filesystem::path path = unique_screenshot_path(state_.screenshot_dir, std::chrono::system_clock::now());
            const std::string stem = path.stem().string(), ext = page ? ".html" : ".glsl";
            path.replace_extension(ext);
            for (int n = 2; std::filesystem::exists(path); ++n)
                path = path.parent_path() / (stem + "-" + std::to_string(n) + ext);
            core::write_text_file(path, page ? share::web_page(state_.params) : share::shadertoy_shader(state_.params));
            tell("shared as " + path.string());
            std::fprintf(stderr, "primordial: shared %s\n", path.string().c_str());
        } catch (const std::exception& e) {
            warn(std::string("not shared: ") + e.what());
        }
    }

    void open_file(const std::filesystem::path& file) {
        try {
            take_state(core::state_from_file(file));
            remember_recent(recent_, std::filesystem::absolute(file).string());
            tell("opened " + file.string());
        } catch (const std::exception& e) {
            warn(std::string("not opened: ") + e.what());
        }
    }

    void open_bookmark(const Bookmark& b) {
        try {
            take_state(load_bookmark(b));
            tell("opened the bookmark " + b.name);
        } catch (const std::exception& e) {
            warn(std::string("bookmark not opened: ") + e.what());
        }
    }

    void remove_bookmark(const Bookmark& b) {
        try {
            delete_bookmark(b);
            thumbnails_.erase(b.file.string());
            bookmarks_ = list_bookmarks(bookmarks_dir_);
            tell("deleted the bookmark " + b.name);
        } catch (const std::exception& e) {
            warn(std::string("bookmark not deleted: ") + e.what());
        }
    }

    // The bookmark's thumbnail as a texture, read once.
    unsigned thumbnail(const Bookmark& b) {
        const auto [it, fresh] = thumbnails_.try_emplace(b.file.string());
        if (fresh) {
            try {  // a damaged file stays without a thumbnail: tried once, not every frame
                const core::PngImage img = core::read_png(b.file);
                it->second = std::make_unique<gpu::ImageTexture>(img.rgb.data(), img.width, img.height);
            } catch (const std::exception&) {
            }
        }
        return it->second ? it->second->id() : 0;
    }

    void handle_sheet_mouse(float panel_width, float sx, float sy) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.WantCaptureMouse) return;
        const double px = (io.MousePos.x - panel_width) * sx, py = io.MousePos.y * sy;
        // A press that moved less than a few pixels is a click, not a drag.
        const bool dragging = ImGui::IsMouseDragging(ImGuiMouseButton_Left, 3.0f);
        const bool clicked = ImGui::IsMouseReleased(ImGuiMouseButton_Left) &&
                             io.MouseDragMaxDistanceSqr[ImGuiMouseButton_Left] < 9.0f;
        sheet_view_.handle_mouse(state_, px, py, io.MouseWheel, dragging,
                                 dragging ? io.MouseDelta.x * sx : 0.0,
                                 dragging ? io.MouseDelta.y * sy : 0.0, clicked);
    }

    void apply_command(CommandId id) { apply(id, state_, fresh_seed()); }

    void handle_mouse(float panel_width, float sx, float sy) {
        const ImGuiIO& io = ImGui::GetIO();
        if (io.WantCaptureMouse) return;
        const int w = state_.params.image_width, h = state_.params.image_height;
        // Cursor position in picture pixels (framebuffer scale, picture origin).
        const double px = (io.MousePos.x - panel_width) * sx, py = io.MousePos.y * sy;
        core::ViewParams& v = state_.params.view;
        if (io.MouseWheel != 0.0f)
            v = core::zoom_about(v, w, h, px, py, std::pow(kWheelBase, io.MouseWheel));
        if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
            v = core::recenter(v, w, h, px, py);
        } else if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 0.0f)) {
            v = core::pan_pixels(v, w, h, io.MouseDelta.x * sx, io.MouseDelta.y * sy);
        }
        v.extent = std::clamp(v.extent, core::Limits::min_extent, core::Limits::max_extent);
    }

    void update_renderer(const core::Params& p) {
        const bool first = !network_;
        if (first || !(p.network == built_for_)) {
            built_for_ = p.network;
            network_ = core::build_network(built_for_);
        }
        renderer_.set_cache_bytes(0);  // a sheet's networks are of no more use
        if (first || !(p == shown_)) {
            shown_ = p;
            progressive_->restart({&*network_, p.view, p.colormap, p.image_width, p.image_height},
                                  opt_.frame_budget_ms);
        }
    }

    // Presentation mode: the whole window, no panel or cursor, the autopilot drifting; a new
    // picture replaces the old only when it is finished at full resolution.
    Wake presentation_frame(int fb_w, int fb_h) {
        using Clock = std::chrono::steady_clock;
        for (const KeyPress& k : input_.keys) {
            if (k.key == GLFW_KEY_ESCAPE || k.key == GLFW_KEY_P) state_.presenting = false;
            if (k.key == GLFW_KEY_SPACE) paused_ = !paused_;
            // Right and Left: on to the next network of the drift, or back.
            if (k.key == GLFW_KEY_RIGHT) drift_offset_ += Autopilot{}.morph_seconds;
            if (k.key == GLFW_KEY_LEFT) drift_offset_ -= Autopilot{}.morph_seconds;
        }
        input_.keys.clear();
        if (!state_.presenting) return leave_presentation();
        const auto now = Clock::now();
        if (paused_) drift_start_ += now - last_present_frame_;
        last_present_frame_ = now;
        // Only when the picture on screen is finished does the next one start.
        if (!paused_ && (progressive_->status().done || !progressive_->has_image())) {
            const double seconds =
                std::max(0.0, std::chrono::duration<double>(now - drift_start_).count() + drift_offset_);
            core::Params p = autopilot(present_base_, seconds);
            p.image_width = fb_w;
            p.image_height = fb_h;
            update_renderer(p);
        }
        // Paused, nothing more is drawn: the picture on screen stays, and no picture begun
        // before the pause swaps in.
        if (!paused_) progressive_->step(opt_.frame_budget_ms);
        gpu::clear_framebuffer(fb_w, fb_h);
        progressive_->present(0, 0, fb_w, fb_h);
        if (paused_) return Wake::on_event;
        return engine_.kind == gpu::EngineKind::gpu ? Wake::now : Wake::soon;
    }

    void enter_presentation() {
        present_base_ = state_.params;
        drift_start_ = last_present_frame_ = std::chrono::steady_clock::now();
        drift_offset_ = 0;
        paused_ = false;
        was_fullscreen_ = state_.fullscreen;
        state_.fullscreen = true;
        set_fullscreen(true);
        glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
        progressive_->set_full_frames_only(true);
        presenting_ = true;
    }

    Wake leave_presentation() {
        presenting_ = false;
        progressive_->set_full_frames_only(false);
        glfwSetInputMode(window_, GLFW_CURSOR, GLFW_CURSOR_NORMAL);
        state_.fullscreen = was_fullscreen_;
        set_fullscreen(was_fullscreen_);
        tell("left presentation mode");
        return Wake::now;
    }

    void set_fullscreen(bool on) {
        if (on) {
            glfwGetWindowPos(window_, &windowed_[0], &windowed_[1]);
            glfwGetWindowSize(window_, &windowed_[2], &windowed_[3]);
            // The chosen monitor, else the primary one.
            int count = 0;
            GLFWmonitor** monitors = glfwGetMonitors(&count);
            GLFWmonitor* m = state_.monitor > 0 && state_.monitor < count ? monitors[state_.monitor]
                                                                         : glfwGetPrimaryMonitor();
            const GLFWvidmode* mode = m ? glfwGetVideoMode(m) : nullptr;
            if (!mode) {
                state_.fullscreen = false;
                warn("fullscreen: no monitor found");
                return;
            }
            glfwSetWindowMonitor(window_, m, 0, 0, mode->width, mode->height, mode->refreshRate);
        } else {
            glfwSetWindowMonitor(window_, nullptr, windowed_[0], windowed_[1], windowed_[2],
                                 windowed_[3], 0);
        }
        fullscreen_ = on;
    }

    void save_screenshot() {
        try {
            std::filesystem::create_directories(state_.screenshot_dir);
            const auto path =
                unique_screenshot_path(state_.screenshot_dir, std::chrono::system_clock::now());
            // The same frame at any size: the extent spans the shorter side, so a larger
            // screenshot adds detail rather than zooming out.
            core::Params shot = state_.params;
            if (sheet_mode()) {  // the whole view, as `primordial figure` would write it
                sheet_view_.save(state_, path, renderer_.capabilities().software(),
                                 state_.screenshot_width, state_.screenshot_height);
                tell("saved " + path.string());
                std::fprintf(stderr, "primordial: saved %s\n", path.string().c_str());
                return;
            }
            if (state_.screenshot_width > 0) {
                shot.image_width = state_.screenshot_width;
                shot.image_height = state_.screenshot_height;
            }
            // A finished picture of the wanted size is saved as it is on screen, at once;
            // otherwise it is rendered afresh, on the CPU where the GPU is a software one.
            std::vector<std::uint8_t> rgb;
            std::unique_ptr<core::RowRenderer> rows;
            if (shot == shown_ && progressive_->read_finished(rgb)) {
                rows = std::make_unique<core::ImageRowRenderer>(rgb.data(), shot.image_width,
                                                                shot.image_height);
            } else if (renderer_.capabilities().software()) {
                rows = core::cpu_rows(*network_, shot.view, shot.image_width, shot.image_height,
                                      {0, shot.colormap});
            } else {
                rows = std::make_unique<gpu::GpuRowRenderer>(renderer_, shot.image_width,
                                                             shot.image_height);
            }
            core::write_png(*rows, path, core::params_to_json(shot));
            tell("saved " + path.string());
        } catch (const std::exception& e) {
            warn(std::string("screenshot failed: ") + e.what());
        }
        std::fprintf(stderr, "primordial: %s\n", notices_.current(Notices::Clock::now()).c_str());
    }

    void tell(const std::string& text) { notices_.post(text, Notices::Clock::now()); }
    void warn(const std::string& text) { notices_.post(text, Notices::Clock::now(), true); }

    GLFWwindow* window_;
    ExplorerOptions opt_;
    Notices notices_;
    StatsWorker stats_;
    bool quit_dialog_ = false;  // "an export is running: quit?"
    WindowInput input_;
    ExplorerState state_;
    gpu::NetworkRenderer renderer_;
    std::unique_ptr<gpu::CpuWorkers> workers_;  // made when the CPU engine is first wanted
    gpu::EngineRequest engine_request_ = gpu::EngineRequest::automatic;
    gpu::EngineChoice engine_;
    std::unique_ptr<gpu::ProgressiveEngine> progressive_;
    SheetView sheet_view_;
    std::unique_ptr<ExportJob> job_;
    std::unique_ptr<gpu::NetworkRenderer> export_renderer_;
    int preview_frame_ = 0;
    // Presentation mode.
    bool presenting_ = false, paused_ = false, was_fullscreen_ = false;
    core::Params present_base_;
    std::chrono::steady_clock::time_point drift_start_{}, last_present_frame_{};
    double drift_offset_ = 0;
    History history_;
    std::chrono::steady_clock::time_point last_wheel_{};
    std::chrono::steady_clock::time_point last_drawn_{};  // when the window was last drawn
    std::vector<std::string> recent_;
    std::filesystem::path bookmarks_dir_;
    std::vector<Bookmark> bookmarks_;
    std::map<std::string, std::unique_ptr<gpu::ImageTexture>> thumbnails_;
    std::optional<core::Network> network_;
    core::NetworkParams built_for_;
    core::Params shown_;
    bool fullscreen_ = false;
    int windowed_[4] = {0, 0, 1600, 1000};
};

void on_glfw_error(int, const char* what) { std::fprintf(stderr, "primordial: GLFW: %s\n", what); }

}  // namespace

bool display_available() {
    const char* x = std::getenv("DISPLAY");
    const char* wl = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wl && *wl);
}

int run_explorer(const ExplorerOptions& opt) {
    const Getenv env = system_getenv();
    const auto session_file = config_dir(env) / "session.json";
    LoadResult loaded = load_session(session_file, opt.screenshot_dir.value_or(default_screenshot_dir(env)));
    if (!loaded.warning.empty()) std::fprintf(stderr, "primordial: %s\n", loaded.warning.c_str());
    if (opt.params) loaded.session.params = *opt.params;
    if (opt.view) loaded.session.view = *opt.view;
    else if (opt.params) loaded.session.view = {};
    if (opt.screenshot_dir) loaded.session.screenshot_dir = *opt.screenshot_dir;

    glfwSetErrorCallback(on_glfw_error);
    if (!glfwInit()) {
        std::fprintf(stderr, "primordial: error: cannot open a window (no display?)\n");
        return 1;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);
    GLFWwindow* window =
        glfwCreateWindow(opt.window_width, opt.window_height, "Primordial", nullptr, nullptr);
    if (!window) {
        std::fprintf(stderr, "primordial: error: cannot open an OpenGL 3.3 window\n");
        glfwTerminate();
        return 1;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(1);
    if (const std::string err = gpu::load_gl(glfwGetProcAddress); !err.empty()) {
        std::fprintf(stderr, "primordial: error: %s\n", err.c_str());
        glfwDestroyWindow(window);
        glfwTerminate();
        return 1;
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // the layout is fixed; nothing to remember
    float xscale = 1, yscale = 1;
    glfwGetWindowContentScale(window, &xscale, &yscale);
    if (!apply_ui_style(xscale))
        std::fprintf(stderr, "primordial: DejaVu Sans not found (apt-get install fonts-dejavu-core); using ImGui's font\n");

    int rc = 0;
    {
        Explorer explorer(window, opt, loaded.session, loaded.warning);
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
        try {
            explorer.run();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "primordial: error: %s\n", e.what());
            rc = 1;
        }
        try {
            save_session(session_file, explorer.session());
        } catch (const std::exception& e) {
            std::fprintf(stderr, "primordial: could not save the session: %s\n", e.what());
        }
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
    }
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return rc;
}

}  // namespace primordial::app
