#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"
#include "core/png_io.hpp"

namespace fs = std::filesystem;
using primordial::core::read_png;

TEST_CASE("render writes the picture with its parameters embedded") {
    const fs::path d = test_dir("basic");
    const RunResult r = run_primordial({"render", "--depth", "18", "--width", "30", "--seed", "1",
                                        "--size", "96x64", "--backend", "cpu", "-o",
                                        (d / "a.png").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    const auto img = read_png(d / "a.png");
    CHECK(img.width == 96);
    CHECK(img.height == 64);
    REQUIRE(img.params_text);
    const auto j = nlohmann::json::parse(*img.params_text);
    CHECK(j["format"] == "primordial/1");
    CHECK(j["network"]["depth"] == 18);
    CHECK(j["network"]["seed"] == 1);
    // A random network is not a flat picture.
    int distinct = 0;
    for (std::size_t i = 3; i < img.rgb.size(); i += 3) distinct += img.rgb[i] != img.rgb[0];
    CHECK(distinct > 1000);
}

TEST_CASE("a PNG reproduces itself byte for byte; flags override it") {
    const fs::path d = test_dir("reproduce");
    REQUIRE(run_primordial({"render", "--depth", "7", "--activation", "relu", "--inputs", "x,y,r",
                            "--seed", "12345", "--center", "0.5,-0.25", "--extent", "2",
                            "--size", "50x40", "-q", "-o", (d / "a.png").string()})
                .exit_code == 0);
    REQUIRE(run_primordial({"render", "--params", (d / "a.png").string(), "-q", "-o",
                            (d / "b.png").string()})
                .exit_code == 0);
    CHECK(read_bytes(d / "a.png") == read_bytes(d / "b.png"));
    REQUIRE(run_primordial({"render", "--params", (d / "a.png").string(), "--seed", "2", "-q",
                            "-o", (d / "c.png").string()})
                .exit_code == 0);
    const auto c = read_png(d / "c.png");
    CHECK(c.width == 50);
    CHECK(nlohmann::json::parse(*c.params_text)["network"]["seed"] == 2);
    CHECK(c.rgb != read_png(d / "a.png").rgb);
}

TEST_CASE("--save-params writes a file that renders the same picture") {
    const fs::path d = test_dir("save");
    REQUIRE(run_primordial({"render", "--depth", "5", "--width", "12,8,6,4", "--scale", "0.75",
                            "--size", "33x21", "--save-params", (d / "p.json").string(), "-q",
                            "-o", (d / "a.png").string()})
                .exit_code == 0);
    const auto j = nlohmann::json::parse(read_bytes(d / "p.json"));
    CHECK(j["network"]["width"] == nlohmann::json({12, 8, 6, 4}));
    CHECK(j["network"]["scale"] == 0.75);
    REQUIRE(run_primordial({"render", "--params", (d / "p.json").string(), "-q", "-o",
                            (d / "b.png").string()})
                .exit_code == 0);
    CHECK(read_bytes(d / "a.png") == read_bytes(d / "b.png"));
}

TEST_CASE("--dump-weights writes the network for numpy") {
    const fs::path d = test_dir("dump");
    REQUIRE(run_primordial({"render", "--depth", "3", "--width", "4", "--inputs", "x,y,z", "--z",
                            "0.5", "--dump-weights", (d / "w.json").string()})
                .exit_code == 0);
    CHECK_FALSE(fs::exists(d / "primordial.png"));  // only the dump was asked for
    const auto j = nlohmann::json::parse(read_bytes(d / "w.json"));
    CHECK(j["format"] == "primordial-weights/1");
    CHECK(j["inputs"] == nlohmann::json({"x", "y", "z"}));
    CHECK(j["view"]["z"] == 0.5);
    REQUIRE(j["layers"].size() == 3);
    CHECK(j["layers"][0]["weights"].size() == 4);
    CHECK(j["layers"][0]["weights"][0].size() == 3);
    CHECK(j["layers"][2]["weights"].size() == 3);
    CHECK(j["layers"][2]["activation"] == "sigmoid");
    CHECK(j["layers"][1]["biases"].size() == 4);
}

TEST_CASE("bad input: exit 2, one line naming the flag, no file left behind") {
    const fs::path d = test_dir("bad");
    const std::string out = (d / "x.png").string();
    std::ofstream(d / "notjson.json") << "{\"format\": \"primordial/1\", \"network\": {";
    std::ofstream(d / "future.json") << R"({"format": "primordial/9"})";
    std::ofstream(d / "plain.png") << "not really a png";
    {  // a real PNG without parameters
        primordial::core::PngWriter w(d / "noparams.png", 2, 2, "");
        std::vector<std::uint8_t> px(12, 9);
        w.write_rows(px.data(), 2);
        w.finish();
    }
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const std::vector<Case> cases = {
        {{"--depth", "0"}, "--depth: must be between 1 and 256 (got 0)"},
        {{"--depth", "-3"}, "--depth: must be between 1 and 256"},
        {{"--depth", "257"}, "--depth: must be between 1 and 256"},
        {{"--depth", "ten"}, "--depth: 'ten' is not a whole number"},
        {{"--width", "0"}, "--width: each width must be between 1 and 1024"},
        {{"--width", "30,,10"}, "--width: '' is not a whole number"},
        {{"--width", "1025"}, "--width: each width must be between 1 and 1024"},
        {{"--depth", "3", "--width", "1,2,3"}, "--width: give one value or one per hidden layer"},
        {{"--depth", "200", "--width", "1000"}, "--width: network has"},
        {{"--scale", "nan"}, "--scale: must be a finite number"},
        {{"--scale", "inf"}, "--scale: must be a finite number"},
        {{"--scale", "0"}, "--scale: must be > 0"},
        {{"--scale", "-1"}, "--scale: must be > 0"},
        {{"--bias-scale", "-1"}, "--bias-scale: must be >= 0"},
        {{"--extent", "0"}, "--extent: must be >= 1e-12"},
        {{"--extent", "NaN"}, "--extent: must be a finite number"},
        {{"--center", "1"}, "--center: expected two numbers"},
        {{"--center", "1,inf"}, "--center: must be a finite number"},
        {{"--size", "0x10"}, "--size: each side must be between 1 and 32768"},
        {{"--size", "40000x10"}, "--size: each side must be between 1 and 32768"},
        {{"--size", "big"}, "--size: expected WIDTHxHEIGHT"},
        {{"--activation", "swish"}, "--activation: unknown activation 'swish'"},
        {{"--output-activation", "max"}, "--output-activation: unknown activation 'max'"},
        {{"--inputs", "x,q"}, "--inputs: unknown input 'q'"},
        {{"--inputs", "x,x"}, "--inputs: 'x' is listed twice"},
        {{"--outputs", "2"}, "--outputs: must be 1 (grey) or 3 (RGB)"},
        {{"--dist", "cauchy"}, "--dist: unknown distribution 'cauchy'"},
        {{"--init", "kaiming"}, "--init: unknown scheme 'kaiming'"},
        {{"--colormap", "jet"}, "--colormap: unknown colour map 'jet'"},
        {{"--seed", "-1"}, "--seed: must be a whole number >= 0"},
        {{"--seed", "99999999999999999999999"}, "--seed: '99999999999999999999999' is larger"},
        {{"--z", "1e9"}, "--z: must be a finite number within +-1e6"},
        {{"--params", (d / "missing.json").string()}, "missing.json: no such file"},
        {{"--params", (d / "notjson.json").string()}, "notjson.json: not valid JSON"},
        {{"--params", (d / "future.json").string()}, "format: 'primordial/9' is not supported"},
        {{"--params", (d / "plain.png").string()}, "plain.png: not a PNG file"},
        {{"--params", (d / "noparams.png").string()}, "is a PNG without primordial parameters"},
        {{"--backend", "tpu"}, "--backend"},
        {{"--frobnicate"}, "frobnicate"},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args{"render"};
        args.insert(args.end(), c.args.begin(), c.args.end());
        args.insert(args.end(), {"--size", "8x8", "-o", out});
        // --size is given twice for the size cases; CLI11 keeps the first.
        if (c.args[0] == "--size") args.resize(args.size() - 4), args.insert(args.end(), {"-o", out});
        CAPTURE(c.args[0]);
        CAPTURE(c.args.size() > 1 ? c.args[1] : "");
        const RunResult r = run_primordial(args);
        CHECK(r.exit_code == 2);
        CHECK(r.err.find(c.message) != std::string::npos);
        CHECK(r.err.rfind("primordial: error: ", 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_FALSE(fs::exists(out));
    }
    CHECK(std::distance(fs::directory_iterator(d), fs::directory_iterator()) == 4);
}

TEST_CASE("an unwritable output is a failure (exit 1) that leaves nothing") {
    const fs::path d = test_dir("unwritable");
    const RunResult r = run_primordial(
        {"render", "--size", "8x8", "-o", (d / "no-such-folder" / "x.png").string()});
    CHECK(r.exit_code == 1);
    CHECK(r.err.find("cannot write") != std::string::npos);
}

namespace {

// Share of pixels whose channels all differ by at most 2/255.
double agreement(const primordial::core::PngImage& a, const primordial::core::PngImage& b) {
    REQUIRE(a.rgb.size() == b.rgb.size());
    std::size_t ok = 0;
    for (std::size_t i = 0; i < a.rgb.size(); i += 3) {
        int d = 0;
        for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a.rgb[i + c]) - int(b.rgb[i + c])));
        ok += d <= 2;
    }
    return double(ok) / double(a.rgb.size() / 3);
}

// Hides every display and EGL driver, so that no OpenGL context can be made.
const std::string kNoGpu = "-u DISPLAY -u WAYLAND_DISPLAY __EGL_VENDOR_LIBRARY_FILENAMES=/nonexistent";

}  // namespace

TEST_CASE("--backend gpu renders what the CPU renders") {
    const fs::path d = test_dir("gpu");
    const std::vector<std::string> net = {"render", "--depth", "12", "--width", "30", "--init",
                                          "lecun", "--inputs", "x,y,r", "--size", "64x48", "-q"};
    auto with = [&](std::vector<std::string> extra) {
        std::vector<std::string> a = net;
        a.insert(a.end(), extra.begin(), extra.end());
        return a;
    };
    const RunResult g = run_primordial(with({"--backend", "gpu", "-o", (d / "g.png").string()}));
    if (g.exit_code == 1 && g.err.find("no OpenGL") != std::string::npos) {
        MESSAGE("skipped: " << g.err);
        return;
    }
    REQUIRE(g.exit_code == 0);
    CHECK(g.err == "");
    REQUIRE(run_primordial(with({"--backend", "cpu", "-o", (d / "c.png").string()})).exit_code == 0);
    const auto gi = read_png(d / "g.png"), ci = read_png(d / "c.png");
    CHECK(gi.params_text == ci.params_text);
    CHECK(agreement(gi, ci) >= 0.995);

    const RunResult a = run_primordial({"render", "--size", "16x16", "-o", (d / "a.png").string()});
    CHECK(a.exit_code == 0);
    // auto takes a real GPU, but not a software rasteriser, where the CPU evaluator is faster.
    if (a.err.find("llvmpipe") != std::string::npos)
        CHECK(a.err.rfind("primordial: backend auto: using the CPU evaluator (the GL context is "
                          "a software rasteriser", 0) == 0);
    else
        CHECK(a.err.rfind("primordial: backend auto: using the GPU (", 0) == 0);
    CHECK(std::count(a.err.begin(), a.err.end(), '\n') == 1);
}

TEST_CASE("without an OpenGL context: gpu fails in one line, auto falls back to the CPU") {
    const fs::path d = test_dir("nogpu");
    const RunResult g = run_primordial(
        {"render", "--backend", "gpu", "--size", "8x8", "-o", (d / "g.png").string()}, kNoGpu);
    CHECK(g.exit_code == 1);
    CHECK(g.err.rfind("primordial: error: --backend gpu: no OpenGL 3.3 context (", 0) == 0);
    CHECK(std::count(g.err.begin(), g.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(d / "g.png"));

    const RunResult a = run_primordial({"render", "--size", "8x8", "-o", (d / "a.png").string()},
                                       kNoGpu);
    CHECK(a.exit_code == 0);
    CHECK(a.err.rfind("primordial: backend auto: using the CPU evaluator (no OpenGL", 0) == 0);
    CHECK(std::count(a.err.begin(), a.err.end(), '\n') == 1);
    CHECK(fs::exists(d / "a.png"));
}
