#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/export_job.hpp"
#include "app/fresh_dir.hpp"
#include "core/eval/evaluate.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"

using namespace primordial;
using namespace primordial::app;
namespace fs = std::filesystem;

namespace {

std::string bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

core::Params params() {
    core::Params p;
    p.network.depth = 6;
    p.network.widths = {40};
    p.image_width = 48;
    p.image_height = 36;
    p.supersample = 2;
    return p;
}

// The same picture written in one go, as `primordial render` does.
void reference(const core::Params& p, const fs::path& file, int bit_depth) {
    const core::Evaluator e(core::build_network(p.network), p.view);
    core::CpuRowRenderer big(e, p.image_width * p.supersample, p.image_height * p.supersample,
                             {0, p.colormap});
    core::SupersampledRowRenderer ss(big, p.supersample);
    core::write_png(ss, file, core::params_to_json(p), {}, 64, bit_depth);
}

}  // namespace

TEST_CASE("an export spread over many frames writes the same file as one pass") {
    const fs::path d = fresh("export_job");
    for (int depth : {8, 16}) {
        ExportJob job(params(), d / "job.png", depth, cpu_rows());
        int steps = 0;
        while (job.step(0.01)) ++steps;  // a tiny budget: a row or so per frame
        CHECK(steps > 10);
        CHECK(job.error() == "");
        CHECK(job.fraction() == 1.0);
        reference(params(), d / "one.png", depth);
        CHECK(bytes(d / "job.png") == bytes(d / "one.png"));
    }
}

TEST_CASE("a cancelled export leaves no file") {
    const fs::path d = fresh("export_cancel");
    ExportJob job(params(), d / "x.png", 8, cpu_rows());
    job.step(0.01);
    CHECK(job.fraction() > 0);
    CHECK(job.fraction() < 1);
    job.cancel();
    CHECK(job.ended());
    CHECK_FALSE(job.step(10));
    CHECK(fs::is_empty(d));
}

TEST_CASE("a cancelled animation takes back its finished frames and the folder it made") {
    const fs::path d = fresh("animation_cancel");
    core::Params base = params();
    base.supersample = 1;
    const core::Animation a{core::AnimParam::scale, 0.5, 1, 0, 0, 4};
    ExportJob job(base, a, d / "frames", std::nullopt, 30, cpu_rows());
    while (!fs::exists(d / "frames" / "frame-00001.png")) REQUIRE(job.step(1));
    CHECK(fs::exists(d / "frames" / "frame-00000.png"));
    job.cancel();
    CHECK(job.error() == "cancelled");
    CHECK(fs::is_empty(d));
    // A folder that was there before stays, with what else it holds.
    fs::create_directories(d / "mine");
    std::ofstream(d / "mine" / "keep.txt") << "x";
    ExportJob again(base, a, d / "mine", std::nullopt, 30, cpu_rows());
    while (!fs::exists(d / "mine" / "frame-00001.png")) REQUIRE(again.step(1));
    again.cancel();
    CHECK(fs::exists(d / "mine" / "keep.txt"));
    CHECK(!fs::exists(d / "mine" / "frame-00000.png"));
}

TEST_CASE("an animation export writes each frame of the sweep") {
    const fs::path d = fresh("export_animation");
    core::Params base = params();
    base.supersample = 1;
    const core::Animation a{core::AnimParam::z, -1, 1, 0, 0, 3};
    base.network.inputs = {core::Input::x, core::Input::y, core::Input::z};
    ExportJob job(base, a, d, std::nullopt, 30, cpu_rows());
    while (job.step(5)) {
    }
    CHECK(job.error() == "");
    for (int k = 0; k < 3; ++k) {
        const core::Params p = core::frame_params(base, a, k);
        const core::Evaluator e(core::build_network(p.network), p.view);
        std::vector<std::uint8_t> rgb(static_cast<std::size_t>(p.image_width) * p.image_height * 3);
        e.render_rows(p.image_width, p.image_height, 0, p.image_height, rgb.data());
        CHECK(core::read_png(d / ("frame-0000" + std::to_string(k) + ".png")).rgb == rgb);
    }
}
