#include <doctest/doctest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "cli/run_binary.hpp"
#include "core/io/png_io.hpp"

namespace fs = std::filesystem;
using primordial::core::read_png;

TEST_CASE("render --supersample --bit-depth 16: a 16-bit PNG that reproduces itself") {
    const fs::path d = test_dir("export");
    const RunResult r = run_primordial({"render", "--depth", "6", "--width", "100", "--size",
                                        "40x30", "--supersample", "2", "--bit-depth", "16",
                                        "--backend", "cpu", "-o", (d / "a.png").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err.find("4 samples per pixel") != std::string::npos);
    const std::string bytes = read_bytes(d / "a.png");
    REQUIRE(bytes.size() > 26);
    CHECK(bytes[24] == 16);
    const auto img = read_png(d / "a.png");
    CHECK(img.width == 40);
    REQUIRE(img.params_text);
    CHECK(nlohmann::json::parse(*img.params_text)["image"]["supersample"] == 2);
    // The parameters carry the supersampling: rendering them again gives the same file.
    REQUIRE(run_primordial({"render", "--params", (d / "a.png").string(), "--bit-depth", "16", "-q",
                            "--backend", "cpu", "-o", (d / "b.png").string()})
                .exit_code == 0);
    CHECK(read_bytes(d / "b.png") == bytes);
    // Without supersampling the wide network's static differs.
    REQUIRE(run_primordial({"render", "--params", (d / "a.png").string(), "--supersample", "1",
                            "--bit-depth", "16", "-q", "--backend", "cpu", "-o",
                            (d / "c.png").string()})
                .exit_code == 0);
    CHECK(read_bytes(d / "c.png") != bytes);
}

TEST_CASE("bad export settings get one line and exit code 2") {
    const fs::path d = test_dir("export_bad");
    for (const auto& [args, message] :
         std::vector<std::pair<std::vector<std::string>, std::string>>{
             {{"--supersample", "5"},
              "primordial: error: --supersample: Value 5 not in range 1 to 4"},
             {{"--supersample", "x"}, "primordial: error: --supersample: "},
             {{"--bit-depth", "12"}, "primordial: error: --bit-depth: "},
         }) {
        std::vector<std::string> all{"render", "-o", (d / "x.png").string()};
        all.insert(all.end(), args.begin(), args.end());
        const RunResult r = run_primordial(all);
        CAPTURE(message);
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind(message, 0) == 0);
        CHECK_FALSE(fs::exists(d / "x.png"));
    }
}
