#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"
#include "core/io/png_io.hpp"

namespace fs = std::filesystem;
using primordial::core::read_png;

TEST_CASE("render writes the picture with its parameters embedded") {
    const fs::path d = test_dir("basic");
    const RunResult r =
        run_primordial({"render", "--depth", "18", "--width", "30", "--seed", "1", "--size",
                        "96x64", "--backend", "cpu", "-o", (d / "a.png").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");  // standard output is for data; the summary is a message
    CHECK(r.err == (d / "a.png").string() + ": 96x64, depth 18, cpu, " +
                       r.err.substr(r.err.rfind(", ") + 2));
    const auto img = read_png(d / "a.png");
    CHECK(img.width == 96);
    CHECK(img.height == 64);
    REQUIRE(img.params_text);
    const auto j = nlohmann::json::parse(*img.params_text);
    CHECK(j["format"] == "primordial/3");
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
                            "--seed", "12345", "--center", "0.5,-0.25", "--extent", "2", "--size",
                            "50x40", "-q", "-o", (d / "a.png").string()})
                .exit_code == 0);
    REQUIRE(run_primordial(
                {"render", "--params", (d / "a.png").string(), "-q", "-o", (d / "b.png").string()})
                .exit_code == 0);
    CHECK(read_bytes(d / "a.png") == read_bytes(d / "b.png"));
    REQUIRE(run_primordial({"render", "--params", (d / "a.png").string(), "--seed", "2", "-q", "-o",
                            (d / "c.png").string()})
                .exit_code == 0);
    const auto c = read_png(d / "c.png");
    CHECK(c.width == 50);
    CHECK(nlohmann::json::parse(*c.params_text)["network"]["seed"] == 2);
    CHECK(c.rgb != read_png(d / "a.png").rgb);
}

TEST_CASE("--save-params writes a file that renders the same picture") {
    const fs::path d = test_dir("save");
    REQUIRE(run_primordial({"render", "--depth", "5", "--width", "12,8,6,4", "--scale", "0.75",
                            "--size", "33x21", "--save-params", (d / "p.json").string(), "-q", "-o",
                            (d / "a.png").string()})
                .exit_code == 0);
    const auto j = nlohmann::json::parse(read_bytes(d / "p.json"));
    CHECK(j["network"]["width"] == nlohmann::json({12, 8, 6, 4}));
    CHECK(j["network"]["scale"] == 0.75);
    REQUIRE(run_primordial(
                {"render", "--params", (d / "p.json").string(), "-q", "-o", (d / "b.png").string()})
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
        {{"--width", "0"}, "--width: must be between 1 and 1024"},
        {{"--width", "30,,10"}, "--width: '' is not a whole number"},
        {{"--width", "1025"}, "--width: must be between 1 and 1024"},
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
        {{"--size", "0x10"}, "--size: must be between 1 and 32768"},
        {{"--size", "40000x10"}, "--size: must be between 1 and 32768"},
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
        {{"--z", "1e9"}, "--z: must be within +-1e+06"},
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
        if (c.args[0] == "--size")
            args.resize(args.size() - 4), args.insert(args.end(), {"-o", out});
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
        for (int c = 0; c < 3; ++c)
            d = std::max(d, std::abs(int(a.rgb[i + c]) - int(b.rgb[i + c])));
        ok += d <= 2;
    }
    return double(ok) / double(a.rgb.size() / 3);
}

// Hides every display and EGL driver, so that no OpenGL context can be made.
const std::string kNoGpu =
    "-u DISPLAY -u WAYLAND_DISPLAY __EGL_VENDOR_LIBRARY_FILENAMES=/nonexistent";

}  // namespace

TEST_CASE("--backend gpu renders what the CPU renders") {
    const fs::path d = test_dir("gpu");
    const std::vector<std::string> net = {"render", "--depth", "12",    "--width",
                                          "30",     "--init",  "lecun", "--inputs",
                                          "x,y,r",  "--size",  "64x48", "-q"};
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
    REQUIRE(run_primordial(with({"--backend", "cpu", "-o", (d / "c.png").string()})).exit_code ==
            0);
    const auto gi = read_png(d / "g.png"), ci = read_png(d / "c.png");
    CHECK(gi.params_text == ci.params_text);
    CHECK(agreement(gi, ci) >= 0.995);

    const RunResult a = run_primordial({"render", "--size", "16x16", "-o", (d / "a.png").string()});
    CHECK(a.exit_code == 0);
    // auto takes a real GPU, but not a software rasteriser, where the CPU evaluator is faster:
    // gpu::choose_engine decides, as for the explorer's --engine.
    if (a.err.find("llvmpipe") != std::string::npos)
        CHECK(a.err.rfind("primordial: backend auto: the CPU engine: llvmpipe", 0) == 0);
    else
        CHECK(a.err.rfind("primordial: backend auto: the shader engine on ", 0) == 0);
    CHECK(std::count(a.err.begin(), a.err.end(), '\n') == 2);  // the choice, the summary
}

TEST_CASE("without an OpenGL context: gpu fails in one line, auto falls back to the CPU") {
    const fs::path d = test_dir("nogpu");
    const RunResult g = run_primordial(
        {"render", "--backend", "gpu", "--size", "8x8", "-o", (d / "g.png").string()}, kNoGpu);
    CHECK(g.exit_code == 1);
    CHECK(g.err.rfind("primordial: error: --backend gpu: no OpenGL 3.3 context (", 0) == 0);
    CHECK(std::count(g.err.begin(), g.err.end(), '\n') == 1);
    CHECK_FALSE(fs::exists(d / "g.png"));

    const RunResult a =
        run_primordial({"render", "--size", "8x8", "-o", (d / "a.png").string()}, kNoGpu);
    CHECK(a.exit_code == 0);
    CHECK(a.err.rfind("primordial: backend auto: using the CPU evaluator (no OpenGL", 0) == 0);
    CHECK(std::count(a.err.begin(), a.err.end(), '\n') == 2);  // the choice, the summary
    CHECK(fs::exists(d / "a.png"));
}

namespace {

// The line a*x + b*y + c = 0 where one channel of a one-layer sigmoid network crosses 0.5,
// fitted to the logits of its unsaturated pixels (x, y in pixels from the image centre).
struct Line {
    double a, b, c;
};
Line half_level(const primordial::core::PngImage& img, int channel) {
    // Least squares for logit(v) = a x + b y + c over pixels away from 0 and 255.
    double s[3][4] = {};
    for (int j = 0; j < img.height; ++j)
        for (int i = 0; i < img.width; ++i) {
            const int v = img.rgb[(static_cast<std::size_t>(j) * img.width + i) * 3 + channel];
            if (v < 10 || v > 245) continue;
            const double p = v / 255.0, l = std::log(p / (1 - p));
            const double row[3] = {i + 0.5 - img.width / 2.0, img.height / 2.0 - j - 0.5, 1.0};
            for (int r = 0; r < 3; ++r) {
                for (int k = 0; k < 3; ++k) s[r][k] += row[r] * row[k];
                s[r][3] += row[r] * l;
            }
        }
    for (int r = 0; r < 3; ++r)  // Gauss-Jordan on the 3x3 normal equations
        for (int q = 0; q < 3; ++q) {
            if (q == r) continue;
            const double f = s[q][r] / s[r][r];
            for (int k = 0; k < 4; ++k) s[q][k] -= f * s[r][k];
        }
    return {s[0][3] / s[0][0], s[1][3] / s[1][1], s[2][3] / s[2][2]};
}
// Where two lines cross.
std::pair<double, double> crossing(Line p, Line q) {
    const double det = p.a * q.b - p.b * q.a;
    return {(p.b * q.c - p.c * q.b) / det, (p.c * q.a - p.a * q.c) / det};
}
// The largest distance between the three pairwise crossings of the channels' 0.5 lines, pixels.
double crossing_spread(const primordial::core::PngImage& img) {
    const Line l[3] = {half_level(img, 0), half_level(img, 1), half_level(img, 2)};
    const auto p01 = crossing(l[0], l[1]), p02 = crossing(l[0], l[2]), p12 = crossing(l[1], l[2]);
    const auto dist = [](auto u, auto v) {
        return std::hypot(u.first - v.first, u.second - v.second);
    };
    return std::max(
        {dist(p01, p02), dist(p01, p12), dist(p02, p12), dist(p01, std::pair{0.0, 0.0})});
}

}  // namespace

TEST_CASE(
    "the article's bias rule: one layer's three 0.5-level lines meet in one point, the origin") {
    const fs::path d = test_dir("bias_rule");
    for (const char* seed : {"1", "2", "3", "4", "5"}) {
        CAPTURE(seed);
        REQUIRE(run_primordial({"render", "--depth", "1", "--seed", seed, "--center", "0,0",
                                "--extent", "4", "--size", "128x128", "-q", "--backend", "cpu",
                                "-o", (d / "a.png").string()})
                    .exit_code == 0);
        CHECK(crossing_spread(read_png(d / "a.png")) < 1.0);
        // Format 1's rule gives the output layer biases: the lines no longer meet.
        REQUIRE(run_primordial({"render", "--depth", "1", "--seed", seed, "--center", "0,0",
                                "--extent", "4", "--biases", "full", "--size", "128x128", "-q",
                                "--backend", "cpu", "-o", (d / "b.png").string()})
                    .exit_code == 0);
        CHECK(crossing_spread(read_png(d / "b.png")) > 4.0);
    }
}

TEST_CASE("pictures written by format 1 render again pixel for pixel") {
    const fs::path data = fs::path(PRIMORDIAL_TEST_DATA) / "format1";
    const fs::path d = test_dir("format1");
    int checked = 0;
    for (const char* name :
         {"default-biases", "bias-scale", "one-layer", "he-relu", "morph", "minimal"}) {
        CAPTURE(name);
        const fs::path old = data / (std::string(name) + ".png");
        const auto before = read_png(old);
        REQUIRE(before.params_text);
        CHECK(nlohmann::json::parse(*before.params_text)["format"] == "primordial/1");
        REQUIRE(run_primordial({"render", "--params", old.string(), "-q", "--backend", "cpu", "-o",
                                (d / "again.png").string()})
                    .exit_code == 0);
        const auto again = read_png(d / "again.png");
        CHECK(again.width == before.width);
        CHECK(again.rgb == before.rgb);
        ++checked;
    }
    // A hand-written format 1 file that leaves out the bias and scale keys, too.
    REQUIRE(run_primordial({"render", "--params", (data / "minimal.json").string(), "-q",
                            "--backend", "cpu", "-o", (d / "minimal.png").string()})
                .exit_code == 0);
    CHECK(read_png(d / "minimal.png").rgb == read_png(data / "minimal.png").rgb);
    CHECK(checked == 6);
}

TEST_CASE("bias flags: the rule, both scales, and their errors") {
    const fs::path d = test_dir("bias_flags");
    const auto params_of = [&](std::vector<std::string> args) {
        args.insert(args.begin(), "render");
        for (const char* a : {"--save-params", "p.json"}) args.push_back(a);
        const RunResult r = run_primordial(args, "", d);
        REQUIRE(r.exit_code == 0);
        return nlohmann::json::parse(read_bytes(d / "p.json"))["network"];
    };
    const auto n =
        params_of({"--biases", "full", "--bias-scale", "0.5", "--output-bias-scale", "0.25"});
    CHECK(n["biases"] == "full");
    CHECK(n["bias_scale"] == 0.5);
    CHECK(n["output_bias_scale"] == 0.25);
    CHECK(!params_of({}).contains("biases"));
    const RunResult bad =
        run_primordial({"render", "--biases", "some", "-o", (d / "x.png").string()});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err ==
          "primordial: error: --biases: unknown rule 'some' (expected article, quarter, full)\n");
    const RunResult neg =
        run_primordial({"render", "--output-bias-scale", "-1", "-o", (d / "x.png").string()});
    CHECK(neg.exit_code == 2);
    CHECK(neg.err == "primordial: error: --output-bias-scale: must be >= 0 (got -1)\n");
    CHECK(!fs::exists(d / "x.png"));
}

TEST_CASE("a poster-sized render reports its progress by tenths where standard error is a log") {
    const fs::path d = test_dir("render-progress");
    // About two seconds here; the first second is silent, so small renders print only their
    // summary line.
    const RunResult r = run_primordial(
        {"render", "--size", "3000x3000", "--backend", "cpu", "-o", (d / "poster.png").string()});
    REQUIRE(r.exit_code == 0);
    const std::string what = "rendering " + (d / "poster.png").string() + ": ";
    CHECK(r.err.find(what) != std::string::npos);
    CHECK(r.err.find("% (") != std::string::npos);
    CHECK(r.err.find("s left)\n") != std::string::npos);
    CHECK(r.err.find('\r') == std::string::npos);
    const RunResult small = run_primordial(
        {"render", "--size", "64x64", "--backend", "cpu", "-o", (d / "small.png").string()});
    REQUIRE(small.exit_code == 0);
    CHECK(small.err.find("% (") == std::string::npos);  // the summary alone
}
