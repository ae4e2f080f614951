// The explorer's frame loop: each frame reads the panel and the input into the state, keeps the
// picture (or the view of several tiles) in step with it within the frame budget, draws, and
// carries out what was asked of the window. The parts live beside it: Window (GLFW, ImGui),
// PictureView and SheetView (what is drawn), Presenter (presentation mode), Exports, Documents
// (history, files, bookmarks, clipboard) and the request queue.
#include "app/explorer.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClosePopupToLevel: Esc closes the innermost popup

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <random>
#include <set>

#include "app/desktop_dialog.hpp"
#include "app/documents.hpp"
#include "app/engines.hpp"
#include "app/escape.hpp"
#include "app/exports.hpp"
#include "app/file_browser.hpp"
#include "app/frame_loop.hpp"
#include "app/live_control.hpp"
#include "app/notices.hpp"
#include "app/panel.hpp"
#include "app/paths.hpp"
#include "app/picture_view.hpp"
#include "app/presenter.hpp"
#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/sheet_view.hpp"
#include "app/stats_worker.hpp"
#include "app/window.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/interrupt.hpp"
#include "gpu/display.hpp"
#include "live/midi_input.hpp"
#include "live/osc_receiver.hpp"

namespace primordial::app {
namespace {

using Clock = std::chrono::steady_clock;

// A view of several tiles stays this far (window units, split left and right) from the edges.
constexpr float kSheetMargin = 16.0f;

std::uint64_t fresh_seed() {
    std::random_device rd;
    return 1 + rd() % 999999;  // short enough to read out and type back
}

ExplorerState initial_state(const ExplorerOptions& opt, const Session& session) {
    ExplorerState s;
    s.params = session.params;
    s.view = session.view;
    s.monitor = opt.monitor;
    s.screenshot_dir = session.screenshot_dir;
    s.engine = opt.engine;
    return s;
}

class Explorer final : public FrameHost {
public:
    Explorer(Window& window, const ExplorerOptions& opt, const Session& session,
             const Settings& settings, const std::string& message, live::Inbox& inbox,
             live::OscReceiver* osc)
        : window_(window),
          inbox_(inbox),
          osc_(osc),
          opt_(opt),
          state_(initial_state(opt, session)),
          engine_(choose(opt.engine)),
          engines_(renderer_, engine_.kind),
          picture_(renderer_, [this] { return engines_.make(); }),
          sheet_(renderer_, [this] { return engines_.make(); }),
          exports_(notices_),
          documents_(state_, session.history, session.recent,
                     data_dir(system_getenv()) / "bookmarks", notices_) {
        exports_.set_engine(engine_.kind);
        apply_settings(settings, state_);
        midi_map_.set_bindings(state_.midi_bindings);
        midi_ = std::make_unique<live::MidiInput>(inbox_, midi_map_);
        if (!message.empty()) notices_.warn(message);
        if (opt.present) enter_presentation();
        inbox_.set_wake([&w = window_] { w.wake(); });  // last: the destructor clears it
    }

    ~Explorer() override {
        midi_.reset();
        inbox_.set_wake({});  // the window goes before the OSC thread
    }
    Explorer(const Explorer&) = delete;
    Explorer& operator=(const Explorer&) = delete;

    // SIGTERM (logout, shutdown) or SIGINT ends the loop like a quit: the session is saved.
    bool done() const override { return quit_ || core::interrupt_signal() != 0; }
    void poll() override { window_.poll(); }
    bool wait(double seconds) override { return window_.wait(seconds); }
    bool collect() override {
        return !presenter_.active() && sheet_mode() ? sheet_.collect() : picture_.collect();
    }
    Wake frame() override {
        window_.begin_frame();
        const Wake wake = presenter_.active() ? presentation_frame() : window_frame();
        window_.end_frame();
        return wake;
    }

    Settings settings() const { return settings_of(state_); }
    Session session() const {
        return {state_.params, state_.view, state_.screenshot_dir, documents_.recent(),
                documents_.saved_history(kMaxSavedHistory)};
    }

private:
    Wake window_frame() {
        const auto frame_start = Clock::now();
        const ImGuiIO& io = ImGui::GetIO();
        const core::Params before = state_.params;
        const core::ViewSpec view_before = state_.view;
        const std::string live = take_live();

        // The panel and the input edit the state.
        const PanelLists lists{&documents_.recent(),
                               &documents_.bookmarks(),
                               [this](const Bookmark& b) { return documents_.thumbnail(b); },
                               &stats_,
                               engine_.reason,
                               live_status(),
                               midi_map_.learning(),
                               midi_ ? &midi_->ports() : nullptr};
        const PanelOutput panel = draw_panel(state_, io.DisplaySize.y, lists);
        if (opt_.report_layout) report_layout(panel.widgets);
        midi_panel(panel);
        if (!panel.note.empty()) notices_.warn(panel.note);
        if (state_.engine != engine_request_) use_engine(state_.engine);
        if (panel.stats_open) stats_.request(state_.params);
        stats_.poll();
        if (panel.command) apply(*panel.command, state_, fresh_seed());
        if (panel.open) documents_.open_file(state_, *panel.open);
        if (panel.share) documents_.share(state_, *panel.share);
        if (panel.open_bookmark) documents_.open_bookmark(state_, *panel.open_bookmark);
        if (panel.delete_bookmark) documents_.remove_bookmark(*panel.delete_bookmark);
        if (panel.rename_bookmark)
            documents_.rename(panel.rename_bookmark->first, panel.rename_bookmark->second);
        for (const std::string& f : window_.take_dropped()) documents_.open_file(state_, f);

        const auto [fb_w, fb_h] = window_.framebuffer_size();
        const float sx = io.DisplayFramebufferScale.x, sy = io.DisplayFramebufferScale.y;
        const int pic_x = static_cast<int>(panel.width * sx);
        const int pic_w = std::max(1, fb_w - pic_x), pic_h = std::max(1, fb_h);
        state_.params.image_width = pic_w;
        state_.params.image_height = pic_h;
        // A sheet leaves a strip at the bottom for the status line, which then covers no tile.
        const float status_height = ImGui::GetFrameHeight() + 16.0f;
        // ...and keeps clear of the window's right edge: a margin, half of it on each side.
        const int sheet_margin = sheet_mode() ? static_cast<int>(kSheetMargin * sx) : 0;
        const float sheet_x = panel.width + 0.5f * static_cast<float>(sheet_margin) / sx;
        if (sheet_mode()) {
            state_.params.image_width = std::max(1, pic_w - sheet_margin);
            state_.params.image_height = std::max(1, pic_h - static_cast<int>(status_height * sy));
        }

        const Pointer pointer = read_pointer(sheet_mode() ? sheet_x : panel.width, sx, sy);
        if (sheet_mode())
            sheet_.handle_mouse(state_, pointer);
        else
            picture_.handle_mouse(state_, pointer);
        handle_keys(window_.take_keys());
        if (window_.take_close_request()) state_.requests.push(Request::quit);

        core::fit_set_weights(state_.params.network);  // hand-set weights follow shape edits
        try {
            core::validate(state_.params);
        } catch (const core::InputError& e) {
            notices_.warn(std::string("not applied: ") + e.what());
            state_.params = before;
        }

        // The picture follows the state, within what is left of the frame's budget.
        std::string why;
        if (sheet_mode()) sheet_.update(state_, opt_.frame_budget_ms, why);
        const bool sheet = sheet_mode();  // a view that cannot apply fell back to the picture
        if (!sheet) picture_.update(state_, opt_.frame_budget_ms, why);
        if (!why.empty()) notices_.warn(why);
        const double budget = std::max(1.0, opt_.frame_budget_ms - ms_since(frame_start));
        const bool more = sheet ? sheet_.step(budget) : picture_.step(budget);

        // A sheet's margins are its paper.
        gpu::clear_framebuffer(fb_w, fb_h, sheet ? core::kPaper : nullptr);
        if (sheet) {
            sheet_.present(pic_x + sheet_margin / 2, fb_h);
            sheet_.draw_overlay(sheet_x, 1.0f / sx, 1.0f / sy);
            if (state_.tile_labels) sheet_.draw_labels(sheet_x, 1.0f / sx, 1.0f / sy);
            draw_status(engine_.label + "  |  " + sheet_.status_text(), panel.width,
                        io.DisplaySize.y);
            const std::string label = sheet_.hovered_label();
            if (!label.empty() && !io.WantCaptureMouse) ImGui::SetTooltip("%s", label.c_str());
        } else {
            picture_.present(pic_x, 0, pic_w, pic_h);
            draw_status(engine_.label + "  |  " + picture_.status_text(), panel.width,
                        io.DisplaySize.y);
        }
        const auto now = Notices::Clock::now();
        draw_notice(notices_.current(now), notices_.problem(), panel.width, io.DisplaySize.x);
        draw_help(&state_.help_visible);
        if (quit_dialog_ && exports_.draw_quit_dialog(quit_dialog_)) cancel_export_and_quit();

        for (const Request r : state_.requests.take()) carry_out(r);
        bool dialog_closed = false;
        if (const auto file = dialog_.poll(dialog_closed)) documents_.open_file(state_, *file);
        if (const auto file = browser_.draw()) documents_.open_file(state_, *file);
        // Half of what is left of the frame: the picture keeps refining meanwhile.
        if (exports_.running())
            exports_.step(std::max(2.0, 0.5 * (opt_.frame_budget_ms - ms_since(frame_start))));
        documents_.record(state_,
                          ImGui::IsAnyItemActive() || ImGui::IsMouseDown(ImGuiMouseButton_Left),
                          io.MouseWheel, live);

        const bool changed = exports_.running() || state_.animation_preview ||
                             ImGui::IsAnyItemActive() || !(state_.params == before) ||
                             !(state_.view == view_before);
        const bool threaded = engine_.kind == gpu::EngineKind::cpu || (sheet && sheet_.plotting());
        // While a notice is up the loop keeps running, so it goes when its time is over.
        return next_wake(changed, more, threaded, stats_.busy() || !notices_.current(now).empty());
    }

    Wake presentation_frame() {
        // A value from OSC or MIDI ends the autopilot (as a key does) and is applied; "autopilot
        // 0" alone just ends it.
        if (!take_live().empty() && presenter_.active()) leave_presentation();
        if (!presenter_.active()) return Wake::now;
        if (!presenter_.handle_keys(window_.take_keys())) {
            leave_presentation();
            return Wake::now;
        }
        const auto [w, h] = window_.framebuffer_size();
        return presenter_.frame(picture_, std::max(1, w), std::max(1, h), opt_.frame_budget_ms,
                                Clock::now());
    }

    // What was asked of the window this frame, in order.
    void carry_out(Request r) {
        switch (r) {
            case Request::screenshot:
                save_screenshot();
                break;
            case Request::undo:
                documents_.undo(state_);
                break;
            case Request::redo:
                documents_.redo(state_);
                break;
            case Request::open_file:
                open_dialog();
                break;
            case Request::copy_state:
                window_.set_clipboard(documents_.copy(state_));
                break;
            case Request::paste_state:
                documents_.paste(state_, window_.clipboard());
                break;
            case Request::bookmark:
                documents_.bookmark(state_);
                break;
            case Request::export_picture:
                exports_.start_picture(state_);
                break;
            case Request::export_animation:
                exports_.start_animation(state_);
                break;
            case Request::toggle_fullscreen:
                set_fullscreen(!window_.fullscreen());
                break;
            case Request::toggle_presentation:
                enter_presentation();
                break;
            case Request::quit:
                if (on_close_request(open_things()) == EscapeAction::ask_to_quit)
                    quit_dialog_ = true;
                else
                    quit_ = true;
                break;
        }
    }

    // {"depth": [x, y, w, h], ...}: written when the layout changes, so a test reads where to
    // click.
    void report_layout(const std::vector<WidgetRect>& widgets) {
        std::string text = "{";
        char buf[160];
        for (const WidgetRect& r : widgets) {
            std::snprintf(buf, sizeof buf, "%s\n  \"%s\": [%.0f, %.0f, %.0f, %.0f]",
                          text.size() > 1 ? "," : "", r.id.c_str(), r.x, r.y, r.w, r.h);
            text += buf;
        }
        text += "\n}\n";
        if (text == layout_reported_) return;
        try {
            core::write_text_file(*opt_.report_layout, text);
            layout_reported_ = text;
        } catch (const std::exception& e) {
            notices_.warn("--report-layout: " + std::string(e.what()));
            opt_.report_layout.reset();
        }
    }

    // OSC (and MIDI) values since the last frame, each applied as the panel would apply it,
    // within its limits; problems and clamps said as notices. Returns the controls that changed
    // the state ("scale", or "scale,z"), for the undo history's steps.
    std::string take_live() {
        const live::Inbox::Batch batch = inbox_.take();
        // On screen, and in the log of whoever runs the show from a terminal.
        const auto say = [this](const std::string& what) {
            notices_.warn("OSC: " + what);
            std::fprintf(stderr, "primordial: OSC: %s\n", what.c_str());
        };
        for (const std::string& p : batch.problems) say(p);
        for (const live::MidiBinding& b : batch.learnt) {
            state_.midi_bindings = midi_map_.bindings();
            notices_.tell("MIDI: channel " + std::to_string(b.channel + 1) + ", controller " +
                          std::to_string(b.controller) + " now drives " +
                          std::string(live::control(b.control).name));
        }
        LiveEffects fx;
        std::set<std::string> changed;
        for (const live::Message& m : batch.messages) {
            const auto r = live::interpret(m);
            if (const auto* why = std::get_if<std::string>(&r)) {
                say("ignored " + *why);
                continue;
            }
            const live::Value& v = std::get<live::Value>(r);
            apply_live(state_, v, fx);
            if (v.control->kind == live::ArgKind::trigger ||
                v.control->id == live::ControlId::autopilot ||
                v.control->id == live::ControlId::bookmark)
                continue;
            changed.insert(std::string(v.control->name));
        }
        std::string controls;  // sorted: the same controls are the same step, in any order
        for (const std::string& name : changed) controls += (controls.empty() ? "" : ",") + name;
        for (const std::string& note : fx.notes) say(note);
        if (fx.bookmark) {
            if (*fx.bookmark < documents_.bookmarks().size())
                documents_.open_bookmark(state_, documents_.bookmarks()[*fx.bookmark]);
            else
                say("there is no bookmark " + std::to_string(*fx.bookmark + 1));
        }
        // Presenting starts at the end of the frame, as the P key's request does.
        if (fx.autopilot && *fx.autopilot != presenter_.active()) {
            if (*fx.autopilot)
                state_.requests.push(Request::toggle_presentation);
            else
                leave_presentation();
        }
        for (const std::string& sender : fx.state_to)
            if (!osc_ || !osc_->reply(sender, "/primordial/state", Documents::state_text(state_)))
                say("could not send the state to " + sender);
        return controls;
    }

    std::string live_status() const {
        const std::string osc = osc_
                                    ? "OSC on " + opt_.osc_host + ":" + std::to_string(osc_->port())
                                    : "OSC off (explore --osc PORT)";
        return osc + "; " + (midi_ ? midi_->status() : "no MIDI");
    }

    // The panel's MIDI learn, cancel and forget.
    void midi_panel(const PanelOutput& panel) {
        if (panel.midi_learn) {
            midi_map_.learn(panel.midi_learn->control, panel.midi_learn->lo, panel.midi_learn->hi);
            notices_.tell("MIDI learn: move a knob or fader for " +
                          std::string(live::control(panel.midi_learn->control).name));
        }
        if (panel.midi_cancel) midi_map_.cancel_learning();
        if (panel.midi_forget && *panel.midi_forget < state_.midi_bindings.size()) {
            state_.midi_bindings.erase(state_.midi_bindings.begin() +
                                       static_cast<std::ptrdiff_t>(*panel.midi_forget));
            midi_map_.set_bindings(state_.midi_bindings);
        }
    }

    OpenThings open_things() const {
        const ImGuiContext* g = ImGui::GetCurrentContext();
        // The browser's path field has the keyboard, but Esc closes the browser, as a dialog's
        // does.
        return {ImGui::GetIO().WantTextInput && !browser_.visible(), !g->OpenPopupStack.empty(),
                quit_dialog_, state_.help_visible, exports_.running()};
    }

    // Esc closes the innermost open thing and quits only when nothing is open; other keys act
    // only when no text field, menu or dropdown has them.
    void handle_keys(const std::vector<KeyPress>& keys) {
        for (const KeyPress& k : keys) {
            const KeyOutcome out =
                route_key(k.key, k.mods, open_things(), ImGui::GetIO().WantCaptureKeyboard);
            switch (out.escape) {
                case EscapeAction::none:
                    break;
                case EscapeAction::close_popup:
                    ImGui::ClosePopupToLevel(ImGui::GetCurrentContext()->OpenPopupStack.Size - 1,
                                             true);
                    break;
                case EscapeAction::close_quit_dialog:
                    quit_dialog_ = false;
                    break;
                case EscapeAction::close_help:
                    state_.help_visible = false;
                    break;
                case EscapeAction::ask_to_quit:
                    quit_dialog_ = true;
                    break;
                case EscapeAction::quit:
                    quit_ = true;
                    break;
            }
            if (out.cancel_and_quit) cancel_export_and_quit();
            if (out.command) apply(*out.command, state_, fresh_seed());
        }
    }

    // File -> Open: the desktop's dialog where there is one, else the explorer's own browser, in
    // the folder of the last file opened (or the screenshots').
    void open_dialog() {
        std::filesystem::path start = state_.screenshot_dir;
        if (!documents_.recent().empty())
            start = std::filesystem::path(documents_.recent().front()).parent_path();
        if (!dialog_.open(system_getenv(), start)) browser_.open(start, documents_.recent());
    }

    void cancel_export_and_quit() {
        exports_.cancel();
        quit_dialog_ = false;
        quit_ = true;
    }

    bool sheet_mode() const { return state_.view.kind != core::ViewKind::picture; }

    gpu::EngineChoice choose(gpu::EngineRequest request) {
        engine_request_ = request;
        gpu::EngineChoice c = gpu::choose_engine(request, renderer_.capabilities().software(),
                                                 renderer_.capabilities().renderer);
        std::fprintf(stderr, "primordial: drawing with %s\n", c.reason.c_str());
        return c;
    }

    // The engine asked for (auto, gpu or cpu), for the picture and every tile of a view.
    void use_engine(gpu::EngineRequest request) {
        engine_ = choose(request);
        engines_.set_kind(engine_.kind);
        exports_.set_engine(engine_.kind);
        picture_.set_engine_factory([this] { return engines_.make(); });
        sheet_.set_engine_factory([this] { return engines_.make(); });
    }

    void set_fullscreen(bool on) {
        if (const std::string err = window_.set_fullscreen(on, state_.monitor); !err.empty())
            notices_.warn(err);
    }

    void enter_presentation() {
        if (presenter_.active()) return;  // asked twice in a frame (P and OSC's autopilot)
        was_fullscreen_ = window_.fullscreen();
        set_fullscreen(true);
        window_.set_cursor_visible(false);
        presenter_.enter(state_.params, picture_, Clock::now());
    }

    void leave_presentation() {
        presenter_.leave(picture_);
        window_.set_cursor_visible(true);
        set_fullscreen(was_fullscreen_);
        notices_.tell("left presentation mode");
    }

    // The same frame at any size: the extent spans the shorter side, so a larger screenshot adds
    // detail rather than zooming out. A view of several tiles is saved whole, as `primordial
    // figure` would write it.
    void save_screenshot() {
        const bool on_cpu = engine_.kind == gpu::EngineKind::cpu;  // as the screen is drawn
        try {
            std::filesystem::create_directories(state_.screenshot_dir);
            const auto path =
                unique_screenshot_path(state_.screenshot_dir, std::chrono::system_clock::now());
            if (sheet_mode()) {
                sheet_.save(state_, path, on_cpu, state_.screenshot_width,
                            state_.screenshot_height);
            } else {
                core::Params shot = state_.params;
                if (state_.screenshot_width > 0) {
                    shot.image_width = state_.screenshot_width;
                    shot.image_height = state_.screenshot_height;
                }
                picture_.save(shot, path, on_cpu);
            }
            notices_.tell("saved " + path.string());
        } catch (const std::exception& e) {
            notices_.warn(std::string("screenshot failed: ") + e.what());
        }
        std::fprintf(stderr, "primordial: %s\n", notices_.current(Notices::Clock::now()).c_str());
    }

    Window& window_;
    live::Inbox& inbox_;
    live::OscReceiver* osc_;  // none without --osc
    live::MidiMap midi_map_;
    std::unique_ptr<live::MidiInput> midi_;
    ExplorerOptions opt_;
    std::string layout_reported_;
    ExplorerState state_;
    Notices notices_;
    StatsWorker stats_;
    gpu::NetworkRenderer renderer_;
    gpu::EngineRequest engine_request_ = gpu::EngineRequest::automatic;
    gpu::EngineChoice engine_;
    Engines engines_;
    PictureView picture_;
    SheetView sheet_;
    Presenter presenter_;
    Exports exports_;
    Documents documents_;
    DesktopDialog dialog_;
    FileBrowser browser_;
    bool quit_ = false;
    bool quit_dialog_ = false;     // "an export is running: quit?"
    bool was_fullscreen_ = false;  // before presentation mode
};

}  // namespace

int run_explorer(const ExplorerOptions& opt) {
    const Getenv env = system_getenv();
    // State, not settings: $XDG_STATE_HOME. A session an older Primordial kept with the settings
    // is moved there once.
    const auto session_file = state_dir(env) / "session.json";
    const std::string moved = move_old_session(config_dir(env) / "session.json", session_file);
    if (!moved.empty()) std::fprintf(stderr, "primordial: %s\n", moved.c_str());
    // One explorer owns the session: a second one works as usual but leaves it alone, so the
    // last to quit never silently replaces what the first saved.
    const SessionLock lock(session_file);
    const auto settings_file = config_dir(env) / "settings.json";
    const LoadedSettings settings = load_settings(settings_file);
    if (!settings.warning.empty())
        std::fprintf(stderr, "primordial: %s\n", settings.warning.c_str());
    LoadResult loaded =
        load_session(session_file, opt.screenshot_dir.value_or(default_screenshot_dir(env)));
    if (!lock.held()) {
        if (!loaded.warning.empty()) loaded.warning += "; ";
        loaded.warning += "another Primordial window has the session: this one will not save it";
    }
    if (!loaded.warning.empty()) std::fprintf(stderr, "primordial: %s\n", loaded.warning.c_str());
    if (opt.params) loaded.session.params = *opt.params;
    if (opt.view)
        loaded.session.view = *opt.view;
    else if (opt.params)
        loaded.session.view = {};
    if (opt.screenshot_dir) loaded.session.screenshot_dir = *opt.screenshot_dir;

    // Before the window, so that a port already taken is a one-line error and exit code 2.
    live::Inbox inbox;
    std::unique_ptr<live::OscReceiver> osc;
    if (opt.osc_port) {
        try {
            osc = std::make_unique<live::OscReceiver>(opt.osc_host, *opt.osc_port, inbox);
        } catch (const core::InputError& e) {
            std::fprintf(stderr, "primordial: error: %s\n", e.what());
            return 2;
        }
        std::fprintf(stderr, "primordial: listening for OSC on %s:%d (/primordial/...)\n",
                     opt.osc_host.c_str(), osc->port());
    }

    std::string error;
    const std::unique_ptr<Window> window = Window::open(opt.window_width, opt.window_height, error);
    if (!window) {
        std::fprintf(stderr, "primordial: error: %s\n", error.c_str());
        return 1;
    }
    int rc = 0;
    Explorer explorer(*window, opt, loaded.session, settings.settings,
                      loaded.warning.empty() ? settings.warning : loaded.warning, inbox, osc.get());
    try {
        run_frames(explorer);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "primordial: error: %s\n", e.what());
        rc = 1;
    }
    try {
        if (lock.held()) save_session(session_file, explorer.session());
        // Settings are not the session's: the last window to close says how they stand.
        if (explorer.settings() != settings.settings)
            save_settings(settings_file, explorer.settings());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "primordial: could not save the session: %s\n", e.what());
    }
    return rc;
}

bool display_available() {
    const char* x = std::getenv("DISPLAY");
    const char* wl = std::getenv("WAYLAND_DISPLAY");
    return (x && *x) || (wl && *wl);
}

}  // namespace primordial::app
