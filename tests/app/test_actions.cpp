#include <doctest/doctest.h>

#include <GLFW/glfw3.h>

#include "app/actions.hpp"
#include "app/history.hpp"
#include "app/session.hpp"
#include "core/eval/view.hpp"

using namespace primordial;
using namespace primordial::app;

namespace {
ExplorerState state() {
    ExplorerState s;
    s.params.image_width = 800;
    s.params.image_height = 600;
    s.params.view = {0.5, -0.25, 2.0, 0.3};
    return s;
}
}  // namespace

TEST_CASE("zoom keys zoom about the centre of the picture") {
    ExplorerState s = state();
    apply(CommandId::zoom_in, s, 0);
    CHECK(s.params.view.extent == doctest::Approx(2.0 / kZoomStep));
    CHECK(s.params.view.center_x == doctest::Approx(0.5));
    CHECK(s.params.view.center_y == doctest::Approx(-0.25));
    apply(CommandId::zoom_out, s, 0);
    CHECK(s.params.view.extent == doctest::Approx(2.0));
}

TEST_CASE("arrows move the view by a tenth of the shorter side") {
    ExplorerState s = state();
    apply(CommandId::pan_right, s, 0);
    CHECK(s.params.view.center_x == doctest::Approx(0.5 + 0.1 * 4.0));  // shorter side spans 4
    apply(CommandId::pan_up, s, 0);
    CHECK(s.params.view.center_y == doctest::Approx(-0.25 + 0.4));
    apply(CommandId::pan_left, s, 0);
    apply(CommandId::pan_down, s, 0);
    CHECK(s.params.view.center_x == doctest::Approx(0.5));
    CHECK(s.params.view.center_y == doctest::Approx(-0.25));
}

TEST_CASE("R resets the view but keeps z; Space takes the fresh seed") {
    ExplorerState s = state();
    apply(CommandId::reset_view, s, 0);
    CHECK(s.params.view ==
          core::ViewParams{core::kArticleCenterX, 0, 1, 0.3});  // the article frame
    apply(CommandId::new_seed, s, 4242);
    CHECK(s.params.network.seed == 4242);
}

TEST_CASE("Ctrl+R resets the network to the defaults in one undoable step, the view kept") {
    ExplorerState s = state();
    s.params.network.seed = 99;
    s.params.network.depth = 5;
    s.params.network.widths = {12, 9, 7, 5};
    s.params.network.scale = 2.5;
    s.params.view.extent = 0.25;
    History history(tracked_state(s.params, s.view));
    apply(*command_for_key(GLFW_KEY_R, GLFW_MOD_CONTROL), s, 0);
    history.record(tracked_state(s.params, s.view), false);
    CHECK(s.params.network == default_explorer_params().network);
    CHECK(s.params.view.extent == 0.25);  // the network only
    CHECK(history.size() == 2);           // one step
    CHECK(history.undo().params.network.seed == 99);
    CHECK(command_for_key(GLFW_KEY_R, 0) == CommandId::reset_view);  // R alone: the view
}

TEST_CASE("toggles and requests") {
    ExplorerState s = state();
    apply(CommandId::toggle_panel, s, 0);
    CHECK_FALSE(s.panel_visible);
    apply(CommandId::toggle_help, s, 0);
    CHECK(s.help_visible);
    // The window's own business goes into the queue, in order, and is taken once.
    apply(CommandId::toggle_fullscreen, s, 0);
    apply(CommandId::screenshot, s, 0);
    apply(CommandId::undo, s, 0);
    apply(CommandId::presentation, s, 0);
    apply(CommandId::quit, s, 0);
    CHECK(s.requests.take() == std::vector<Request>{Request::toggle_fullscreen, Request::screenshot,
                                                    Request::undo, Request::toggle_presentation,
                                                    Request::quit});
    CHECK(s.requests.empty());
    CHECK(s.requests.take().empty());
}

TEST_CASE("zoom stays within the extent limits") {
    ExplorerState s = state();
    s.params.view.extent = core::Limits::min_extent;
    apply(CommandId::zoom_in, s, 0);
    CHECK(s.params.view.extent == core::Limits::min_extent);
}
