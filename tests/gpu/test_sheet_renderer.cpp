#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "core/eval/evaluate.hpp"
#include "core/io/preset.hpp"
#include "gpu/cpu_engine.hpp"
#include "gpu/gl.hpp"
#include "gpu/gl_fixture.hpp"
#include "gpu/program.hpp"
#include "gpu/progressive.hpp"
#include "gpu/render_target.hpp"
#include "gpu/sheet_renderer.hpp"
#include "plot/sheet_image.hpp"

using namespace primordial;
using namespace primordial::gpu;
using namespace primordial::gpu::test;

namespace {

EngineFactory shader_tiles(NetworkRenderer& r) {
    return [&r] { return std::make_unique<ProgressiveRenderer>(r); };
}

core::Params tile_params(const core::SheetTile& t) {
    core::Params p = t.params;
    p.image_width = t.rect.w;
    p.image_height = t.rect.h;
    return p;
}

}  // namespace

TEST_CASE("every tile of a sheet refines to the CPU evaluator's picture of it") {
    REQUIRE_GL_CONTEXT();
    const core::Preset* fig = core::find_preset("9");  // 3 seeds x depths 1-6
    REQUIRE(fig);
    core::Params base = fig->params;
    const core::Sheet sheet = core::build_sheet(base, fig->view, 360, 180);
    NetworkRenderer r;
    SheetRenderer s(r, shader_tiles(r));
    s.set_sheet(sheet, 0.5);
    int frames = 0;
    while (s.step(0.5)) REQUIRE(++frames < 100000);
    CHECK(frames > 1);  // a small budget spreads the tiles over frames
    CHECK(s.status().done);
    for (std::size_t i = 0; i < sheet.tiles.size(); ++i) {
        CAPTURE(sheet.tiles[i].label);
        std::vector<std::uint8_t> rgb;
        REQUIRE(s.read_tile(static_cast<int>(i), rgb));
        const core::SheetTile& t = sheet.tiles[i];
        std::vector<std::uint8_t> cpu(rgb.size());
        core::Evaluator(t.network, t.params.view)
            .render_rows(t.rect.w, t.rect.h, 0, t.rect.h, cpu.data());
        const Agreement a = compare(rgb, cpu);
        CHECK(a.within >= 0.995);
        CHECK(rgb == gpu_image(r, tile_params(t)));  // what any other GPU path draws
    }
    check_no_gl_errors();
}

TEST_CASE("all tiles show a coarse picture before any tile is finished") {
    REQUIRE_GL_CONTEXT();
    const core::Preset* fig = core::find_preset("19");
    REQUIRE(fig);
    const core::Sheet sheet = core::build_sheet(fig->params, fig->view, 300, 300);
    NetworkRenderer r;
    SheetRenderer s(r, shader_tiles(r));
    s.set_sheet(sheet, 0.01);  // as slow as can be: every tile starts at 1/32
    s.step(0.01);
    // Round robin by level: the last tile has its first level before the first tile finishes.
    while (s.status().fraction < 0.05) s.step(0.01);
    std::vector<std::uint8_t> rgb;
    CHECK_FALSE(s.read_tile(0, rgb));
    while (s.step(5.0)) {
    }
    CHECK(s.read_tile(0, rgb));
    check_no_gl_errors();
}

TEST_CASE("a sheet is presented where its tiles are laid out, plots included") {
    REQUIRE_GL_CONTEXT();
    const core::Preset* fig = core::find_preset("3");  // height map + grey picture
    REQUIRE(fig);
    const int W = 200, H = 100;
    const core::Sheet sheet = core::build_sheet(fig->params, fig->view, W, H);
    NetworkRenderer r;
    SheetRenderer s(r, shader_tiles(r));
    s.set_sheet(sheet, 30);
    for (std::size_t i = 0; i < sheet.tiles.size(); ++i)
        if (sheet.tiles[i].content != core::TileContent::picture)
            s.set_plot(static_cast<int>(i), plot::plot_tile(sheet.tiles[i]));
    while (s.step(30)) {
    }
    // Draw into an offscreen framebuffer the size of the sheet and read it back.
    const RenderTarget target(W, H);
    target.bind();
    glViewport(0, 0, W, H);
    glClearColor(28 / 255.f, 28 / 255.f, 30 / 255.f, 1);
    glClear(GL_COLOR_BUFFER_BIT);
    s.present(0, 0, H);
    const std::vector<std::uint8_t> shown = target.read_rgb(0, 0, W, H);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    // The same as the whole sheet drawn on the CPU, to within the GPU's rounding.
    const auto cpu = plot::render_sheet(sheet);
    const Agreement a = compare(shown, cpu);
    CHECK(a.within >= 0.995);
    check_no_gl_errors();
}

TEST_CASE("a sheet keeps its networks uploaded; a single picture keeps only its own") {
    REQUIRE_GL_CONTEXT();
    const core::Preset* fig = core::find_preset("19");
    REQUIRE(fig);
    const core::Sheet sheet = core::build_sheet(fig->params, fig->view, 90, 90);
    NetworkRenderer r;
    SheetRenderer s(r, shader_tiles(r));
    s.set_sheet(sheet, 30);
    while (s.step(30)) {
    }
    CHECK(r.networks_held() == sheet.tiles.size());
    // Switching back to a held network draws it exactly as a fresh upload would.
    const core::Params p = tile_params(sheet.tiles[2]);
    const auto held = gpu_image(r, p);
    r.set_cache_bytes(0);
    r.set_network(core::build_network(p.network));
    CHECK(r.networks_held() == 1);
    NetworkRenderer fresh;
    CHECK(held == gpu_image(fresh, p));
    check_no_gl_errors();
}

TEST_CASE("an upload's ticket makes it current again until it is evicted") {
    REQUIRE_GL_CONTEXT();
    core::NetworkParams a, b;
    a.depth = b.depth = 4;
    b.seed = a.seed + 1;
    NetworkRenderer r;
    CHECK_FALSE(r.use_uploaded(0));
    r.set_cache_bytes(1 << 20);
    r.set_network(core::build_network(a));
    const std::uint64_t ta = r.ticket();
    r.set_network(core::build_network(b));
    const std::uint64_t tb = r.ticket();
    CHECK(ta != tb);
    CHECK(r.use_uploaded(ta));
    CHECK(r.ticket() == ta);
    // What it draws is network a's picture, as a fresh renderer draws it.
    core::Params p;
    p.network = a;
    p.image_width = p.image_height = 24;
    NetworkRenderer fresh;
    const auto want = gpu_image(fresh, p);
    CHECK(r.use_uploaded(ta));
    CHECK(gpu_image(r, p) == want);
    r.set_cache_bytes(0);  // only the current one stays
    r.set_network(core::build_network(b));
    CHECK_FALSE(r.use_uploaded(ta));
    check_no_gl_errors();
}

TEST_CASE("on the CPU engine every tile of a sheet is the CPU evaluator's picture, byte for byte") {
    REQUIRE_GL_CONTEXT();
    const core::Preset* fig = core::find_preset("19");
    REQUIRE(fig);
    const core::Sheet sheet = core::build_sheet(fig->params, fig->view, 240, 240);
    NetworkRenderer r;
    CpuWorkers workers(2);
    SheetRenderer s(r, [&] { return std::make_unique<CpuEngine>(workers, r.presenter()); });
    s.set_sheet(sheet, 1.0);
    int frames = 0;
    while (s.step(1.0)) {
        REQUIRE(++frames < 1000000);
        std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    for (std::size_t i = 0; i < sheet.tiles.size(); ++i) {
        CAPTURE(sheet.tiles[i].label);
        std::vector<std::uint8_t> rgb;
        REQUIRE(s.read_tile(static_cast<int>(i), rgb));
        const core::SheetTile& t = sheet.tiles[i];
        std::vector<std::uint8_t> cpu(rgb.size());
        core::Evaluator(t.network, t.params.view)
            .render_rows(t.rect.w, t.rect.h, 0, t.rect.h, cpu.data());
        CHECK(rgb == cpu);
    }
    check_no_gl_errors();
}

TEST_CASE("a sheet of 64 tiles links one present program, on either engine") {
    REQUIRE_GL_CONTEXT();
    core::Params base;
    base.network.depth = 3;
    base.network.widths = {8};
    core::ViewSpec view;
    view.kind = core::ViewKind::grid;
    view.columns = {core::SweepParam::seed, {}, {}};
    for (int seed = 1; seed <= 64; ++seed) view.columns.values.push_back(seed);
    view.wrap = 8;
    const core::Sheet sheet = core::build_sheet(base, view, 320, 320);
    REQUIRE(sheet.tiles.size() == 64);
    const RenderTarget target(320, 320);
    for (EngineKind kind : {EngineKind::gpu, EngineKind::cpu}) {
        CAPTURE(kind == EngineKind::gpu ? "gpu" : "cpu");
        const int before = Program::links();
        NetworkRenderer r;
        CpuWorkers workers(2);
        SheetRenderer s(r, [&]() -> std::unique_ptr<ProgressiveEngine> {
            if (kind == EngineKind::gpu) return std::make_unique<ProgressiveRenderer>(r);
            return std::make_unique<CpuEngine>(workers, r.presenter());
        });
        s.set_sheet(sheet, 5.0);
        int frames = 0;
        do {
            REQUIRE(++frames < 100000);
            s.collect();
            target.bind();
            s.present(0, 0, 320);  // every tile presents, every frame
            if (kind == EngineKind::cpu)
                std::this_thread::sleep_for(std::chrono::microseconds(200));
        } while (s.step(5.0));
        CHECK(s.status().done);
        // The network programs (one per width bucket: one here) and one present program.
        CHECK(r.programs_compiled() == (kind == EngineKind::gpu ? 1 : 0));
        CHECK(Program::links() - before == r.programs_compiled() + 1);
    }
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    check_no_gl_errors();
}
