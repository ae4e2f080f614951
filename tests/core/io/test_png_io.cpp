#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/eval/evaluate.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/png_io.hpp"
#include "core/net/params.hpp"
#include "core/version.hpp"

using namespace primordial::core;
namespace fs = std::filesystem;

namespace {
fs::path tmp(const std::string& name) {
    fs::create_directories(PRIMORDIAL_TEST_TMP);
    return fs::path(PRIMORDIAL_TEST_TMP) / name;
}
int files_in(const fs::path& dir) {
    int n = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
    return n;
}
}  // namespace

TEST_CASE("PNG round trip: pixels and embedded parameters") {
    const fs::path path = tmp("roundtrip.png");
    const int w = 37, h = 11;
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
    for (std::size_t i = 0; i < rgb.size(); ++i) rgb[i] = static_cast<std::uint8_t>(i * 7 + 3);
    PngWriter png(path, w, h, "{\"hello\": \"world\"}");
    png.write_rows(rgb.data(), 5);
    png.write_rows(rgb.data() + static_cast<std::size_t>(5) * w * 3, h - 5);
    png.finish();
    const PngImage img = read_png(path);
    CHECK(img.width == w);
    CHECK(img.height == h);
    CHECK(img.rgb == rgb);
    REQUIRE(img.params_text);
    CHECK(*img.params_text == "{\"hello\": \"world\"}");
    CHECK(read_png_params(path) == img.params_text);
}

TEST_CASE("an unfinished PNG never appears") {
    const fs::path dir = tmp("unfinished");
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        PngWriter png(dir / "x.png", 8, 8, "{}");
        std::vector<std::uint8_t> row(8 * 3);
        png.write_rows(row.data(), 1);
    }  // destroyed without finish()
    CHECK_FALSE(fs::exists(dir / "x.png"));
    CHECK(files_in(dir) == 0);
}

TEST_CASE("a cancelled render leaves nothing; a finished one replaces the file") {
    const fs::path dir = tmp("cancel");
    fs::remove_all(dir);
    fs::create_directories(dir);
    NetworkParams p;
    p.depth = 2;
    const Evaluator e(build_network(p), ViewParams{});
    CpuRowRenderer r(e, 32, 200);
    CHECK_FALSE(write_png(
        r, dir / "c.png", "{}", [](double f) { return f < 0.5; }, 16));
    CHECK(files_in(dir) == 0);
    CHECK(write_png(r, dir / "c.png", "{}", {}, 16));
    CHECK(read_png(dir / "c.png").height == 200);
    CHECK(files_in(dir) == 1);
}

TEST_CASE("reading bad files gives input errors") {
    CHECK_THROWS_AS(read_png(tmp("does-not-exist.png")), InputError);
    const fs::path text = tmp("not-a-png.png");
    std::ofstream(text) << "hello";
    CHECK_THROWS_AS(read_png(text), InputError);
    // A truncated PNG: the header survives, the pixels do not.
    const fs::path good = tmp("good.png");
    {
        PngWriter png(good, 64, 64, "{}");
        std::vector<std::uint8_t> rgb(64 * 64 * 3, 200);
        png.write_rows(rgb.data(), 64);
        png.finish();
    }
    std::ifstream in(good, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), {});
    const fs::path cut = tmp("truncated.png");
    std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    CHECK_THROWS_AS(read_png(cut), InputError);
}

TEST_CASE("atomic text files") {
    const fs::path p = tmp("atomic.txt");
    write_text_file(p, "one");
    write_text_file(p, "two");
    CHECK(read_text_file(p) == "two");
    CHECK_THROWS_AS(read_text_file(tmp("nope.txt")), InputError);
    CHECK_THROWS_AS(write_text_file(tmp("no-such-dir/x.txt"), "x"), std::runtime_error);
}

TEST_CASE("a PNG in memory: encoded with its maker, its head found and its text read once") {
    const int w = 5, h = 4;
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3, 200);
    const std::string png = encode_png(rgb.data(), w, h, "{\"a\": 1}");
    REQUIRE(is_png(png));
    CHECK(png_text_chunk(png, "Software", "mem") == std::string(kSoftware));
    CHECK(png_text_chunk(png, kPngKeyword, "mem") == "{\"a\": 1}");
    CHECK(png_text_chunk(png, kPngViewKeyword, "mem") == std::nullopt);

    // The head ends with the first pixel chunk's header; nothing before it is complete.
    const std::size_t head = png_head_size(png);
    REQUIRE(head > 8);
    CHECK(png.substr(head - 4, 4) == "IDAT");
    for (std::size_t n : {std::size_t{0}, std::size_t{7}, std::size_t{8}, head - 1})
        CHECK(png_head_size(std::string_view(png).substr(0, n)) == 0);
    CHECK(png_head_size("{\"format\": \"primordial/3\"}") == 0);  // not a PNG: read it all
    CHECK(png_text_chunk(std::string_view(png).substr(0, head), kPngKeyword, "mem") ==
          "{\"a\": 1}");

    // Read from a file through read_text_file's `enough`: the pixels are left unread.
    const fs::path path = tmp("head.png");
    write_text_file(path, png);
    CHECK(read_text_file(path, kMaxTextFile, png_head_size) == png.substr(0, head));
    CHECK(read_png_params(path) == "{\"a\": 1}");
    CHECK(read_png(path).rgb == rgb);

    // Damage is named: a cut head, a flipped bit, a first chunk that is not IHDR.
    const auto message = [](std::string_view bytes) {
        try {
            (void)png_text_chunk(bytes, kPngKeyword, "x.png");
        } catch (const InputError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    CHECK(message(std::string_view(png).substr(0, head - 9)) ==
          "x.png: damaged PNG (it ends before its pixels)");
    std::string flipped = png;
    flipped[png.find("{\"a\"")] ^= 1;
    CHECK(message(flipped) == "x.png: damaged PNG (tEXt: CRC error)");
    std::string no_header = png;
    no_header.replace(12, 4, "tEXt");
    CHECK(message(no_header) == "x.png: damaged PNG (no IHDR chunk first)");
    CHECK(message("GIF89a...") == "x.png: not a PNG file");
}
