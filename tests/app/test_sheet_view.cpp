#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/engines.hpp"
#include "app/sheet_view.hpp"
#include "core/io/preset.hpp"
#include "gpu/gl_fixture.hpp"

using namespace primordial;

namespace {

// Frames until the view shows a sheet laid out for the state (at most about a minute).
bool frames_until_current(app::SheetView& v, app::ExplorerState& s) {
    std::string why;
    for (int f = 0; f < 6000; ++f) {
        v.update(s, 10, why);
        REQUIRE(why.empty());
        v.step(10);
        const core::Sheet* sheet = v.sheet();
        if (sheet && !sheet->tiles.empty() &&
            sheet->tiles.front().params.network.seed == s.params.network.seed)
            return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
}

}  // namespace

TEST_CASE("a view's sheet is laid out off the frame; changes made meanwhile come out as the last") {
    REQUIRE_GL_CONTEXT();
    gpu::NetworkRenderer r;
    app::Engines engines(r, gpu::EngineKind::cpu);
    app::SheetView view(r, [&] { return engines.make(); });
    const core::Preset& fig15 = *core::find_preset("15");
    app::ExplorerState s;
    s.params = fig15.params;
    s.params.image_width = 320;
    s.params.image_height = 200;
    s.view = fig15.view;
    REQUIRE(frames_until_current(view, s));
    const std::size_t tiles = view.sheet()->tiles.size();
    // Five new seeds, one per frame, faster than a layout of 1.9 M weights: the frames go on,
    // and the sheet that stays is the last seed's.
    std::string why;
    for (int k = 1; k <= 5; ++k) {
        s.params.network.seed = fig15.params.network.seed + k;
        view.update(s, 10, why);
        view.step(10);
    }
    REQUIRE(frames_until_current(view, s));
    CHECK(view.sheet()->tiles.size() == tiles);
    // Each tile is figure 15's network at the last seed.
    for (const core::SheetTile& t : view.sheet()->tiles)
        if (t.content == core::TileContent::picture)
            CHECK(t.params.network.seed == s.params.network.seed);
    while (!view.done()) {
        view.update(s, 10, why);
        view.step(10);
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    CHECK(view.done());
}
