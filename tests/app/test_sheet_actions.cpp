#include <doctest/doctest.h>

#include <algorithm>

#include <GLFW/glfw3.h>

#include "app/actions.hpp"
#include "core/eval/view.hpp"
#include "core/net/lineage.hpp"

using namespace primordial;
using namespace primordial::app;

namespace {
ExplorerState with_preset(const char* key) {
    ExplorerState s;
    s.params.image_width = 900;
    s.params.image_height = 600;
    const core::Preset* p = core::find_preset(key);
    REQUIRE(p);
    load_preset(s, *p);
    return s;
}
}  // namespace

TEST_CASE("loading a preset keeps the window's picture size") {
    const ExplorerState s = with_preset("18");
    CHECK(s.params.image_width == 900);
    CHECK(s.view.kind == core::ViewKind::grid);
    CHECK(s.params.network.depth == 27);
}

TEST_CASE("clicking a grid tile makes its network the current one, shown alone") {
    ExplorerState s = with_preset("18");
    const core::Sheet sheet = core::build_sheet(s.params, s.view, 900, 600);
    click_tile(s, sheet, 4);
    CHECK(s.view.kind == core::ViewKind::picture);
    CHECK(s.params.view.extent == doctest::Approx(40.0 / 16));
    CHECK(s.params.image_width == 900);
    CHECK(s.params.network == sheet.tiles[4].params.network);
}

TEST_CASE("clicking a frame of the progression sets the depth; the main picture does nothing") {
    ExplorerState s = with_preset("layers-unfolding");
    const core::Sheet sheet = core::build_sheet(s.params, s.view, 900, 600);
    click_tile(s, sheet, 0);
    CHECK(s.params.network.depth == 27);
    click_tile(s, sheet, 3);  // frame 3
    CHECK(s.params.network.depth == 3);
    CHECK(s.view.kind == core::ViewKind::progression);
}

TEST_CASE("the wheel over any tile zooms the whole sheet about the cursor") {
    ExplorerState s = with_preset("18");
    const core::Sheet sheet = core::build_sheet(s.params, s.view, 900, 600);
    const core::SheetTile t = sheet.tiles[2];  // extent 10
    const core::ViewTransform before(t.params.view, t.rect.w, t.rect.h);
    const core::PlanePoint under = before.to_plane(10, 20);
    zoom_tile(s, t, 10, 20, 2.0);
    CHECK(s.view.columns.values[2] == doctest::Approx(5.0));  // every tile zooms 2x
    CHECK(s.view.columns.values[0] == doctest::Approx(20.0));
    // The point under the cursor in that tile stays put.
    const core::Sheet after = core::build_sheet(s.params, s.view, 900, 600);
    const core::ViewTransform moved(after.tiles[2].params.view, t.rect.w, t.rect.h);
    const core::PlanePoint now = moved.to_plane(10, 20);
    CHECK(now.x == doctest::Approx(under.x));
    CHECK(now.y == doctest::Approx(under.y));
    // Dragging right by 30 of that tile's pixels moves the content right: the centre goes left.
    const double cx = s.params.view.center_x;
    pan_tile(s, after.tiles[2], 30, 0);
    CHECK(s.params.view.center_x == doctest::Approx(cx - 30 * moved.step()));
}

TEST_CASE("dragging the height map turns the camera within limits") {
    ExplorerState s = with_preset("3");
    const core::Camera c0 = s.view.camera;
    orbit(s, 100, 0);
    CHECK(s.view.camera.yaw == doctest::Approx(c0.yaw + 40));
    orbit(s, 0, 1000);
    CHECK(s.view.camera.pitch == 90);
    orbit(s, 0, -5000);
    CHECK(s.view.camera.pitch == 5);
}

TEST_CASE("V steps through every view in the listed order and back to the picture") {
    ExplorerState s;
    s.params.network.activations = {
        core::Activation::relu};  // RGB, hidden relu layers: every view applies
    std::vector<core::ViewKind> seen;
    for (std::size_t i = 0; i < std::size(core::kViewKinds); ++i) {
        apply(CommandId::next_view, s, 0);
        seen.push_back(s.view.kind);
    }
    for (std::size_t i = 0; i < seen.size(); ++i)
        CHECK(seen[i] == core::kViewKinds[(i + 1) % std::size(core::kViewKinds)]);
    CHECK(seen.back() == core::ViewKind::picture);
    CHECK(command_for_key(GLFW_KEY_V, 0) == CommandId::next_view);
}

TEST_CASE("a click on a phase-diagram tile moves the network there; the diagram stays") {
    ExplorerState s;
    s.params.image_width = 700;
    s.params.image_height = 500;
    s.view = core::phase_view(s.params);
    const core::Sheet sheet = core::build_sheet(s.params, s.view, 700, 500);
    const int tile = 8;  // second row, second column
    click_tile(s, sheet, tile);
    CHECK(s.view.kind == core::ViewKind::phase);
    CHECK(s.params.network.scale == doctest::Approx(s.view.columns.values[1]));
    CHECK(*s.params.network.bias_scale == doctest::Approx(s.view.rows->values[1]));
    CHECK(s.params.image_width == 700);
}

TEST_CASE("V passes over views that cannot show the network") {
    ExplorerState s;
    s.params.network.outputs = 1;  // grey: no channels
    s.params.network.depth = 1;    // no hidden layer: no decomposition, no surfaces
    std::vector<core::ViewKind> seen;
    for (int i = 0; i < 8; ++i) {
        apply(CommandId::next_view, s, 0);
        seen.push_back(s.view.kind);
    }
    for (core::ViewKind k :
         {core::ViewKind::channels, core::ViewKind::decomposition, core::ViewKind::surfaces,
          core::ViewKind::phase, core::ViewKind::regions})
        CHECK(std::find(seen.begin(), seen.end(), k) == seen.end());
    CHECK(std::find(seen.begin(), seen.end(), core::ViewKind::activation) != seen.end());
}

TEST_CASE("breeding: a click makes a child the parent, Shift+click crosses, Space rolls again") {
    ExplorerState s = with_preset("breed");
    REQUIRE(s.view.kind == core::ViewKind::breed);
    const core::NetworkParams first = s.params.network;
    const core::Sheet sheet = core::build_sheet(s.params, s.view, 900, 600);
    REQUIRE(sheet.tiles[4].main);  // the parent in the centre: a click on it does nothing
    click_tile(s, sheet, 4);
    CHECK(s.params.network == first);
    const std::uint64_t roll = s.view.breed.roll;
    click_tile(s, sheet, 0);  // the first child
    CHECK(s.params.network == sheet.tiles[0].params.network);
    CHECK(s.params.network.lineage.size() == 1);
    CHECK(s.view.kind == core::ViewKind::breed);  // still breeding, with new children
    CHECK(s.view.breed.roll != roll);
    // Its own children now, and the parent in the strip below to go back to.
    const core::Sheet next = core::build_sheet(s.params, s.view, 900, 600);
    const auto strip = std::find_if(next.tiles.begin(), next.tiles.end(),
                                    [](const core::SheetTile& t) { return t.ancestor; });
    REQUIRE(strip != next.tiles.end());
    CHECK(strip->params.network == first);
    cross_tile(s, next, 1);
    // Two generations of its own; the mate's steps (its own two) follow the cross.
    CHECK(core::generation(s.params.network) == 2);
    const core::Mutation& crossed =
        s.params.network.lineage[core::last_step(s.params.network.lineage)];
    CHECK(crossed.cross);
    CHECK(crossed.mate_steps == 2);
    CHECK(s.params.network.lineage.size() == 4);
    click_tile(s, next, static_cast<int>(strip - next.tiles.begin()));
    CHECK(s.params.network == first);
    // Space in the breed view rolls other children instead of changing the seed.
    apply(CommandId::new_seed, s, 4242);
    CHECK(s.view.breed.roll == 4242);
    CHECK(s.params.network.seed == first.seed);
}
