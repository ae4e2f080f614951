#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"
#include "core/io/png_io.hpp"

namespace fs = std::filesystem;
using primordial::core::read_png;

namespace {

std::vector<std::string> animate(const fs::path& out, std::vector<std::string> extra = {}) {
    std::vector<std::string> a{"animate",   "--param", "scale",    "--from", "0.4",
                               "--to",      "0.8",     "--frames", "6",      "--depth",
                               "9",         "--width", "12",       "--size", "32x24",
                               "--backend", "cpu",     "-q",       "-o",     out.string()};
    a.insert(a.end(), extra.begin(), extra.end());
    return a;
}

}  // namespace

TEST_CASE("animate writes numbered frames whose ends are plain renders") {
    const fs::path d = test_dir("animate");
    REQUIRE(run_primordial(animate(d / "all")).exit_code == 0);
    for (int k = 0; k < 6; ++k)
        CHECK(fs::exists(d / "all" / ("frame-0000" + std::to_string(k) + ".png")));
    CHECK_FALSE(fs::exists(d / "all" / "frame-00006.png"));
    for (const auto& [frame, scale] :
         {std::pair{"frame-00000.png", "0.4"}, std::pair{"frame-00005.png", "0.8"}}) {
        REQUIRE(
            run_primordial({"render", "--scale", scale, "--depth", "9", "--width", "12", "--size",
                            "32x24", "--backend", "cpu", "-q", "-o", (d / "end.png").string()})
                .exit_code == 0);
        CHECK(read_png(d / "all" / frame).rgb == read_png(d / "end.png").rgb);
        // Each frame carries its own parameters.
        const auto j = nlohmann::json::parse(*read_png(d / "all" / frame).params_text);
        CHECK(j["network"]["scale"] == std::stod(scale));
    }
}

TEST_CASE("frame ranges rendered apart join into the whole sequence") {
    const fs::path d = test_dir("animate_ranges");
    REQUIRE(run_primordial(animate(d / "all")).exit_code == 0);
    REQUIRE(run_primordial(animate(d / "parts", {"--frame-range", "0:2"})).exit_code == 0);
    REQUIRE(run_primordial(animate(d / "parts", {"--frame-range", "2:6"})).exit_code == 0);
    for (int k = 0; k < 6; ++k) {
        const std::string name = "frame-0000" + std::to_string(k) + ".png";
        CHECK(read_bytes(d / "parts" / name) == read_bytes(d / "all" / name));
    }
}

TEST_CASE("figures 2 and 20 are animations; a loop and a morph render") {
    const fs::path d = test_dir("animate_presets");
    const RunResult r = run_primordial({"animate", "--figure", "20", "--frames", "3", "--size",
                                        "24x24", "--backend", "cpu", "-o", (d / "f20").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "");  // the summary is a message: standard error
    CHECK(r.err.find("scale from 0.4 to 0.8") != std::string::npos);
    CHECK(run_primordial({"animate", "--figure", "2", "--frames", "2", "--size", "24x24", "-q",
                          "--backend", "cpu", "-o", (d / "f2").string()})
              .exit_code == 0);
    CHECK(run_primordial({"animate", "--figure", "loop-drift", "--frames", "2", "--size", "24x24",
                          "-q", "--backend", "cpu", "-o", (d / "loop").string()})
              .exit_code == 0);
    CHECK(run_primordial({"animate", "--param", "morph", "--from", "3", "--to", "4", "--frames",
                          "3", "--depth", "4", "--size", "24x24", "-q", "--backend", "cpu", "-o",
                          (d / "morph").string()})
              .exit_code == 0);
    const auto j = nlohmann::json::parse(*read_png(d / "morph" / "frame-00001.png").params_text);
    CHECK(j["network"]["seed"] == 3);
    CHECK(j["network"]["morph"]["to_seed"] == 4);
    CHECK(j["network"]["morph"]["t"] == 0.5);
}

TEST_CASE("--video encodes the frames with ffmpeg, or says it is missing") {
    const fs::path d = test_dir("animate_video");
    // Without ffmpeg on the PATH: a clear message, exit 1, and nothing rendered.
    const RunResult none = run_primordial(
        animate(d / "frames", {"--video", (d / "a.gif").string()}), "PATH=/nonexistent");
    CHECK(none.exit_code == 1);
    CHECK(none.err.find("the ffmpeg program is not installed") != std::string::npos);
    CHECK_FALSE(fs::exists(d / "frames" / "frame-00000.png"));
    if (std::system("command -v ffmpeg >/dev/null 2>&1") != 0) {
        MESSAGE("skipped the encoding itself: ffmpeg is not installed");
        return;
    }
    for (const char* name : {"a.gif", "a.mp4"}) {
        const RunResult r = run_primordial(animate(d / "frames", {"--video", (d / name).string()}));
        CHECK(r.exit_code == 0);
        CHECK(r.err == "");
        REQUIRE(fs::exists(d / name));
        CHECK(fs::file_size(d / name) > 100);
    }
    CHECK(read_bytes(d / "a.gif").rfind("GIF89a", 0) == 0);
    CHECK(read_bytes(d / "a.mp4").substr(4, 4) == "ftyp");
    CHECK_FALSE(fs::exists(d / "a.part.mp4"));
}

TEST_CASE("bad animations get one line and exit code 2") {
    const fs::path d = test_dir("animate_bad");
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const Case cases[] = {
        {{"animate", "-o", (d / "x").string()},
         "primordial: error: animate: name what changes with --param"},
        {{"animate", "--param", "hue", "--from", "0", "--to", "1", "-o", (d / "x").string()},
         "primordial: error: --param: unknown 'hue' (expected z, t, scale, extent, center, morph, "
         "bias_scale, depth, width)\n"},
        {{"animate", "--param", "z", "--from", "0", "-o", (d / "x").string()},
         "primordial: error: --param z: give --from and --to\n"},
        {{"animate", "--param", "extent", "--from", "0", "--to", "1", "-o", (d / "x").string()},
         "primordial: error: animation: a zoom needs positive extents at both ends\n"},
        {{"animate", "--param", "center", "--from", "0", "--to", "1", "-o", (d / "x").string()},
         "primordial: error: --from: "},
        {{"animate", "--param", "z", "--from", "0", "--to", "1", "--frame-range", "5:2", "-o",
          (d / "x").string()},
         "primordial: error: --frame-range: needs 0 <= FIRST < END <= 60 (got 5:2)\n"},
        {{"animate", "--param", "z", "--from", "0", "--to", "1", "--video", "a.avi", "-o",
          (d / "x").string()},
         "primordial: error: --video: unknown format '.avi'"},
        {{"animate", "--param", "z", "--from", "0", "--to", "1"},
         "primordial: error: --output is required"},
    };
    for (const Case& c : cases) {
        const RunResult r = run_primordial(c.args);
        CAPTURE(c.message);
        CAPTURE(r.err);
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind(c.message, 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_FALSE(fs::exists(d / "x" / "frame-00000.png"));
    }
}

TEST_CASE("a long animation names each frame as it goes, n of N; -q says nothing") {
    const fs::path d = test_dir("animate-progress");
    const std::vector<std::string> args = {
        "animate", "--param",   "z",        "--from", "0",
        "--to",    "1",         "--frames", "30",     "--size",
        "512x512", "--backend", "cpu",      "-o",     (d / "a").string()};
    const RunResult r = run_primordial(args);
    REQUIRE(r.exit_code == 0);
    // Quiet for the first second, then one line per frame (standard error is not a terminal).
    CHECK(r.err.find(": 30 of 30: frame-00029.png (") != std::string::npos);
    CHECK(r.err.find('\r') == std::string::npos);
    auto quiet = args;
    quiet.back() = (d / "b").string();
    quiet.push_back("-q");
    const RunResult q = run_primordial(quiet);
    CHECK(q.exit_code == 0);
    CHECK(q.err == "");
}
