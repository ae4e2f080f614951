#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include "core/eval/evaluate.hpp"
#include "core/net/network.hpp"
#include "gpu/cpu_engine.hpp"
#include "gpu/gl_fixture.hpp"
#include "gpu/progressive.hpp"

using namespace primordial;
using namespace primordial::gpu;
using namespace primordial::gpu::test;

namespace {
core::Params small(int w, int h) {
    core::Params p;
    p.network.depth = 6;
    p.network.widths = {12};
    p.network.init = core::Init::lecun;
    p.image_width = w;
    p.image_height = h;
    return p;
}

// Steps an engine until it is done, as the frame loop would (checking back while the CPU
// engine's threads work). Returns the frames it took.
int run_to_end(ProgressiveEngine& e, double budget_ms) {
    int frames = 0;
    while (e.step(budget_ms)) {
        ++frames;
        REQUIRE(frames < 200000);
        if (e.name() == "cpu") std::this_thread::sleep_for(std::chrono::microseconds(200));
    }
    return frames;
}
}  // namespace

TEST_CASE("progressive rendering ends with exactly the single full render") {
    REQUIRE_GL_CONTEXT();
    const core::Params p = small(97, 61);
    NetworkRenderer r;
    const core::Network net = core::build_network(p.network);
    ProgressiveRenderer prog(r);
    // A tiny budget forces many frames, small tiles and every level.
    prog.restart({&net, p.view, p.colormap, p.image_width, p.image_height}, 0.0001);
    std::vector<std::uint8_t> rgb;
    CHECK_FALSE(prog.read_finished(rgb));
    CHECK(run_to_end(prog, 0.01) > 3);
    const ProgressStatus st = prog.status();
    CHECK(st.done);
    CHECK(st.fraction == doctest::Approx(1.0));
    REQUIRE(st.full_ms);
    REQUIRE(prog.read_finished(rgb));
    r.set_network(net);
    CHECK(rgb == gpu_image(r, p));
    check_no_gl_errors();
}

TEST_CASE("the CPU engine's finished picture is the CPU evaluator's, byte for byte") {
    REQUIRE_GL_CONTEXT();
    CpuWorkers workers(2);
    for (const core::Params& p : {small(97, 61), small(1, 1), small(300, 7)}) {
        CAPTURE(p.image_width);
        const core::Network net = core::build_network(p.network);
        NetworkRenderer renderer;
        CpuEngine engine(workers, renderer.presenter());
        CHECK(engine.level_in_progress() == -1);
        engine.restart({&net, p.view, p.colormap, p.image_width, p.image_height}, 0.01);
        std::vector<std::uint8_t> rgb;
        CHECK_FALSE(engine.read_finished(rgb));
        run_to_end(engine, 0.01);
        const ProgressStatus st = engine.status();
        CHECK(st.done);
        CHECK(st.fraction == doctest::Approx(1.0));
        REQUIRE(st.full_ms);
        REQUIRE(engine.read_finished(rgb));
        CHECK(rgb == cpu_image(p));  // what `render --backend cpu` writes
        // What it presents is the picture too (rows flipped for GL, read back).
        CHECK(engine.has_image());
    }
    check_no_gl_errors();
}

TEST_CASE("the CPU engine works between frames: a frame loop that only collects gets the picture") {
    REQUIRE_GL_CONTEXT();
    CpuWorkers workers(2);
    const core::Params p = small(200, 150);
    const core::Network net = core::build_network(p.network);
    NetworkRenderer renderer;
    CpuEngine engine(workers, renderer.presenter());
    CHECK(engine.works_between_frames());
    CHECK_FALSE(engine.collect());  // nothing asked for yet
    engine.restart({&net, p.view, p.colormap, p.image_width, p.image_height}, 1.0);
    int changes = 0;
    for (int i = 0; i < 100000 && !engine.status().done; ++i) {
        changes += engine.collect();
        std::this_thread::sleep_for(std::chrono::microseconds(100));
    }
    REQUIRE(engine.status().done);
    CHECK(changes >= 1);            // each level shown counts once, the full one at least
    CHECK_FALSE(engine.collect());  // and then nothing is new
    std::vector<std::uint8_t> rgb;
    REQUIRE(engine.read_finished(rgb));
    CHECK(rgb == cpu_image(p));
    NetworkRenderer r;
    ProgressiveRenderer shader(r);  // the shader works only within step(): nothing to collect
    CHECK_FALSE(shader.works_between_frames());
    CHECK_FALSE(shader.collect());
    check_no_gl_errors();
}

TEST_CASE("the CPU engine's coarse levels are true samples of the picture") {
    REQUIRE_GL_CONTEXT();
    const core::Params p = small(64, 48);
    const core::Evaluator eval(core::build_network(p.network), p.view);
    std::vector<std::uint8_t> full(64 * 48 * 3), coarse(16 * 12 * 3);
    eval.render_rows(64, 48, 0, 48, full.data());
    eval.render_rows(64, 48, 0, 12, coarse.data(), {1, core::ColorMap::grey, 2});
    for (int j = 0; j < 12; ++j)
        for (int i = 0; i < 16; ++i)
            for (int c = 0; c < 3; ++c)
                CHECK(coarse[(j * 16 + i) * 3 + c] == full[((j * 4) * 64 + i * 4) * 3 + c]);
}

TEST_CASE("a change mid-render drops the old picture's work at once and starts again") {
    REQUIRE_GL_CONTEXT();
    CpuWorkers workers(2);
    core::Params p = small(400, 300);
    p.network.depth = 20;
    p.network.widths = {60};
    const core::Network a = core::build_network(p.network);
    NetworkRenderer renderer;
    CpuEngine engine(workers, renderer.presenter());
    engine.restart({&a, p.view, p.colormap, 400, 300}, 1.0);
    engine.step(1.0);  // under way
    p.network.seed = 7;
    p.image_width = 120;
    p.image_height = 90;
    const core::Network b = core::build_network(p.network);
    engine.restart({&b, p.view, p.colormap, 120, 90}, 1.0);
    run_to_end(engine, 1.0);
    std::vector<std::uint8_t> rgb;
    REQUIRE(engine.read_finished(rgb));
    CHECK(rgb == cpu_image(p));  // the new picture, whole, nothing of the old
    check_no_gl_errors();
}

TEST_CASE("the GPU engine drops stale work; a cheap network appears in one frame") {
    REQUIRE_GL_CONTEXT();
    core::Params p = small(40, 30);
    NetworkRenderer r;
    core::Network net = core::build_network(p.network);
    ProgressiveRenderer prog(r);
    prog.restart({&net, p.view, p.colormap, 40, 30}, 1000.0);
    CHECK_FALSE(prog.step(1000.0));  // all of it within one generous frame
    std::vector<std::uint8_t> first;
    REQUIRE(prog.read_finished(first));
    p.network.seed = 2;
    core::Network net2 = core::build_network(p.network);
    prog.restart({&net2, p.view, p.colormap, 40, 30}, 1000.0);
    std::vector<std::uint8_t> none;
    CHECK_FALSE(prog.read_finished(none));  // the old picture is not passed off as the new one
    CHECK_FALSE(prog.step(1000.0));
    std::vector<std::uint8_t> second;
    REQUIRE(prog.read_finished(second));
    r.set_network(net2);
    CHECK(second == gpu_image(r, p));
    CHECK(second != first);
    check_no_gl_errors();
}

// A frame's step spends about its budget while work remains: not much more (the window waits
// on it) and not far less (the picture would sharpen slower than it could). Tiles are sized from
// the measured throughput to a quarter of the budget, so a frame ends within about a tile of it.
// The median frame is checked, with room for a slow machine whose cores other tests share.
TEST_CASE("the shader engine's frames spend about their budget, the CPU engine's almost nothing") {
    REQUIRE_GL_CONTEXT();
    constexpr double kBudget = 40;
    NetworkRenderer r;
    CpuWorkers workers(2);
    for (EngineKind kind : {EngineKind::gpu, EngineKind::cpu}) {
        CAPTURE(kind == EngineKind::gpu ? "gpu" : "cpu");
        std::unique_ptr<ProgressiveEngine> engine;
        if (kind == EngineKind::gpu)
            engine = std::make_unique<ProgressiveRenderer>(r);
        else
            engine = std::make_unique<CpuEngine>(workers, r.presenter());
        core::Params p = small(96, 72);
        p.network.depth = 12;
        p.network.widths = {60};
        std::vector<double> frames;
        // The first picture compiles the shader and measures the throughput; the next ones, each
        // sized from the last to take about 15 frames on this machine (deeper where a picture of
        // 4096 x 3072 would not), are timed.
        for (int picture = 0; picture < 8 && frames.size() < 15; ++picture) {
            if (picture > 0) {
                const double per_pixel = double(core::build_network(p.network).multiply_adds());
                double pixels = 15 * kBudget * engine->status().mac_per_ms / per_pixel;
                const double most = 4096.0 * 3072.0;
                p.network.depth = std::clamp(static_cast<int>(p.network.depth * pixels / most),
                                             p.network.depth, 256);
                pixels = std::min(pixels, most);
                p.image_width = std::clamp(static_cast<int>(std::sqrt(pixels * 4 / 3)), 64, 4096);
                p.image_height = p.image_width * 3 / 4;
            }
            p.network.seed = 100 + picture;
            const core::Network net = core::build_network(p.network);
            engine->restart({&net, p.view, p.colormap, p.image_width, p.image_height}, kBudget);
            for (int f = 0; f < 100000; ++f) {
                const auto t0 = std::chrono::steady_clock::now();
                const bool more = engine->step(kBudget);
                const double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                        .count();
                if (!more) break;  // the last frame ends when the picture does
                if (picture > 0) frames.push_back(ms);
                if (kind == EngineKind::cpu)
                    std::this_thread::sleep_for(std::chrono::milliseconds(2));
            }
        }
        CAPTURE(p.image_width);
        REQUIRE(frames.size() >= 5);
        std::sort(frames.begin(), frames.end());
        const double median = frames[frames.size() / 2];
        CAPTURE(median);
        if (kind == EngineKind::gpu) {
            CHECK(median <= 1.5 * kBudget);
            CHECK(median >= 0.3 * kBudget);
        } else {
            CHECK(median <= 0.25 * kBudget);  // the workers draw; a frame only collects
        }
    }
    check_no_gl_errors();
}

TEST_CASE("the engine is chosen by what the GL is, and says why") {
    const EngineChoice soft =
        choose_engine(EngineRequest::automatic, true, "llvmpipe (LLVM 15.0.6, 256 bits)");
    CHECK(soft.kind == EngineKind::cpu);
    CHECK(soft.label == "CPU engine (software GL)");
    CHECK(soft.reason.find("llvmpipe (LLVM 15.0.6, 256 bits) is a software rasteriser") !=
          std::string::npos);
    const EngineChoice real =
        choose_engine(EngineRequest::automatic, false, "NVIDIA H200/PCIe/SSE2");
    CHECK(real.kind == EngineKind::gpu);
    CHECK(real.label == "shader engine");
    CHECK(choose_engine(EngineRequest::gpu, true, "llvmpipe").kind == EngineKind::gpu);
    CHECK(choose_engine(EngineRequest::cpu, false, "NVIDIA").kind == EngineKind::cpu);
    CHECK(choose_engine(EngineRequest::cpu, false, "NVIDIA").label == "CPU engine (as asked)");
    CHECK(parse_engine_request("auto") == EngineRequest::automatic);
    CHECK(!parse_engine_request("metal"));
}
