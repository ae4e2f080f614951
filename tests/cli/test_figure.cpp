#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/run_binary.hpp"
#include "core/io/png_io.hpp"

namespace fs = std::filesystem;
using primordial::core::read_png;

TEST_CASE("figure --list names every still figure of the article, one line each") {
    const RunResult r = run_primordial({"figure", "--list"});
    CHECK(r.exit_code == 0);
    std::istringstream lines(r.out);
    std::string line;
    std::vector<int> figures;
    while (std::getline(lines, line)) {
        const int f = std::atoi(line.c_str());
        if (f) figures.push_back(f);
        CHECK(line.size() > 20);
    }
    for (int f = 3; f <= 19; ++f) CHECK(std::count(figures.begin(), figures.end(), f) == 1);
}

TEST_CASE("every listed figure renders headless") {
    const fs::path d = test_dir("figures");
    const RunResult list = run_primordial({"figure", "--list"});
    std::istringstream lines(list.out);
    std::string line;
    int rendered = 0;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string fig, name;
        fields >> fig >> name;
        const std::string key = fig == "-" ? name : fig;
        CAPTURE(key);
        const fs::path out = d / (key + ".png");
        const RunResult r = run_primordial(
            {"figure", key, "--size", "120x80", "--backend", "cpu", "-o", out.string()});
        CHECK(r.exit_code == 0);
        CHECK(r.out == "");  // the summary is a message: standard error
        // The summary is the last line (a slow figure reports its progress first).
        const std::size_t last = r.err.rfind('\n', r.err.size() >= 2 ? r.err.size() - 2 : 0);
        const std::string summary = last == std::string::npos ? r.err : r.err.substr(last + 1);
        CHECK(summary.rfind(out.string() + ": figure ", 0) == 0);
        const auto img = read_png(out);
        CHECK(img.width == 120);
        CHECK(img.height == 80);
        REQUIRE(img.params_text);
        CHECK(nlohmann::json::parse(*img.params_text)["format"] == "primordial/3");
        ++rendered;
    }
    CHECK(rendered >= 17);
}

TEST_CASE("a figure is a starting point: flags change its network") {
    const fs::path d = test_dir("figure_flags");
    REQUIRE(run_primordial({"figure", "19", "--seed", "5", "--size", "60x60", "-q", "--backend",
                            "cpu", "-o", (d / "a.png").string()})
                .exit_code == 0);
    const auto img = read_png(d / "a.png");
    REQUIRE(img.params_text);
    const auto j = nlohmann::json::parse(*img.params_text);
    CHECK(j["network"]["seed"] == 5);
    CHECK(j["network"]["depth"] == 27);
    // The figure's name is the default file name.
    REQUIRE(run_primordial({"figure", "fig03-single-layer", "--size", "60x30", "-q"}, "", d)
                .exit_code == 0);
    CHECK(fs::exists(d / "fig03-single-layer.png"));
    // Hand-set weights travel in the PNG, and render the same picture again from it.
    const auto fig3 = read_png(d / "fig03-single-layer.png");
    REQUIRE(fig3.params_text);
    const auto n = nlohmann::json::parse(*fig3.params_text)["network"];
    CHECK(n["weights"][0]["weights"] == nlohmann::json::parse("[[0.4, 1.0]]"));
    CHECK(n["weights"][0]["biases"] == nlohmann::json::parse("[-0.3]"));
    // So the seed no longer matters: two seeds render the same picture from that PNG.
    for (const char* seed : {"1", "99"})
        REQUIRE(run_primordial({"render", "--params", (d / "fig03-single-layer.png").string(),
                                "--size", "30x30", "--seed", seed, "-q", "-o",
                                (d / (std::string("seed") + seed + ".png")).string()})
                    .exit_code == 0);
    CHECK(read_png(d / "seed1.png").rgb == read_png(d / "seed99.png").rgb);
}

TEST_CASE("bad figure requests get one line and exit code 2, and write nothing") {
    const fs::path d = test_dir("figure_bad");
    const fs::path out = d / "x.png";
    struct Case {
        std::vector<std::string> args;
        std::string message;
    };
    const Case cases[] = {
        {{"figure", "21"}, "primordial: error: figure: no figure or preset '21' (figures 1, 2, 3,"},
        {{"figure"},
         "primordial: error: figure: name a figure (3-19) or preset, give --params FILE, or use "
         "--list\n"},
        {{"figure", "19", "--size", "0x5"}, "primordial: error: --size: "},
        {{"figure", "19", "--size", "20000x100"},
         "primordial: error: --size: a figure can be at most 16384 pixels a side"},
        {{"figure", "19", "--depth", "0"},
         "primordial: error: --depth: must be between 1 and 256 (got 0)\n"},
        {{"figure", "5", "--depth", "1"},
         "primordial: error: view: surfaces needs a hidden layer (depth 2 or more)\n"},
        {{"figure", "6", "--outputs", "1"},
         "primordial: error: view: channels needs a network with 3 outputs (RGB)\n"},
        {{"figure", "19", "--backend", "metal"}, "primordial: error: --backend: "},
    };
    for (const Case& c : cases) {
        std::vector<std::string> args = c.args;
        args.insert(args.end(), {"-o", out.string()});
        const RunResult r = run_primordial(args);
        CAPTURE(c.message);
        CHECK(r.exit_code == 2);
        CHECK(r.err.rfind(c.message, 0) == 0);
        CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
        CHECK_FALSE(fs::exists(out));
    }
}

TEST_CASE("one reader for a state: a copied state and a view's PNG work with render and figure") {
    const fs::path d = test_dir("state_reader");
    // A view's PNG (figure 19, a grid) renders again as that view with figure --params...
    REQUIRE(run_primordial({"figure", "19", "--size", "90x90", "--backend", "cpu", "-q", "-o",
                            (d / "grid.png").string()})
                .exit_code == 0);
    const RunResult again =
        run_primordial({"figure", "--params", (d / "grid.png").string(), "--backend", "cpu", "-q",
                        "-o", (d / "again.png").string()});
    CHECK(again.exit_code == 0);
    CHECK(read_png(d / "again.png").rgb == read_png(d / "grid.png").rgb);
    // ... and as the picture of its base network with render.
    const RunResult base =
        run_primordial({"render", "--params", (d / "grid.png").string(), "--backend", "cpu", "-q",
                        "-o", (d / "base.png").string()});
    CHECK(base.exit_code == 0);
    CHECK(read_png(d / "base.png").width == 90);
    // A copied state (the clipboard's JSON: a preset) is a parameter file everywhere.
    std::ofstream(d / "clip.json")
        << R"({"format": "primordial-preset/3", "name": "clipboard", "title": "Copied", "size": [40, 30],
              "params": {"network": {"depth": 3, "width": 8, "seed": 4}},
              "view": {"kind": "grid", "columns": {"param": "seed", "values": [1, 2]}}})";
    const RunResult r = run_primordial({"render", "--params", (d / "clip.json").string(),
                                        "--backend", "cpu", "-q", "-o", (d / "clip.png").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    const RunResult p =
        run_primordial({"render", "--depth", "3", "--width", "8", "--seed", "4", "--size", "40x30",
                        "--backend", "cpu", "-q", "-o", (d / "plain.png").string()});
    REQUIRE(p.exit_code == 0);
    CHECK(read_png(d / "clip.png").rgb == read_png(d / "plain.png").rgb);
    const RunResult f =
        run_primordial({"figure", "--params", (d / "clip.json").string(), "--backend", "cpu", "-q",
                        "-o", (d / "clipview.png").string()});
    CHECK(f.exit_code == 0);
    CHECK(read_png(d / "clipview.png").width == 40);
    CHECK(read_png(d / "clipview.png").rgb != read_png(d / "clip.png").rgb);  // two tiles
    // figure needs a figure or a file.
    const RunResult none = run_primordial({"figure", "-o", (d / "x.png").string()});
    CHECK(none.exit_code == 2);
    CHECK(none.err ==
          "primordial: error: figure: name a figure (3-19) or preset, give --params FILE, or use "
          "--list\n");
}

TEST_CASE(
    "figure breed --params PARENT writes the parent's children; the figure reopens as itself") {
    const fs::path d = test_dir("breed");
    REQUIRE(run_primordial({"render", "--depth", "6", "--width", "12", "--seed", "3", "--size",
                            "90x90", "--backend", "cpu", "-q", "-o", (d / "parent.png").string()})
                .exit_code == 0);
    const RunResult r = run_primordial({"figure", "breed", "--params", (d / "parent.png").string(),
                                        "--backend", "cpu", "-q", "-o", (d / "kids.png").string()});
    CHECK(r.exit_code == 0);
    CHECK(r.err == "");
    const auto kids = read_png(d / "kids.png");
    CHECK(kids.width == 90);  // the parent's size, not the preset's
    REQUIRE(kids.params_text);
    const auto net = nlohmann::json::parse(*kids.params_text)["network"];
    CHECK(net["seed"] == 3);  // the parent's network, not the preset's
    CHECK(net["depth"] == 6);
    CHECK_FALSE(net.contains("lineage"));
    const RunResult again =
        run_primordial({"figure", "--params", (d / "kids.png").string(), "--backend", "cpu", "-q",
                        "-o", (d / "again.png").string()});
    CHECK(again.exit_code == 0);
    CHECK(read_png(d / "again.png").rgb == kids.rgb);
    CHECK(kids.rgb != read_png(d / "parent.png").rgb);
}
