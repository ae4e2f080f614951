#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "core/eval/evaluate.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/png_io.hpp"

using namespace primordial::core;
namespace fs = std::filesystem;

namespace {

Evaluator wide_network() {
    NetworkParams n;
    n.depth = 6;
    n.widths = {64};
    n.seed = 9;
    return Evaluator(build_network(n), ViewParams{});
}

}  // namespace

TEST_CASE("16-bit rows carry the outputs' precision") {
    const Evaluator e = wide_network();
    const int w = 37, h = 5;
    std::vector<std::uint16_t> words(w * h * 3);
    std::vector<std::uint8_t> bytes(w * h * 3);
    e.render_rows16(w, h, 0, h, words.data());
    e.render_rows(w, h, 0, h, bytes.data());
    int finer = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
        // The same value at both depths, to within the byte's rounding.
        CHECK(std::abs(words[i] / 257.0 - bytes[i]) <= 0.5 + 1e-9);
        finer += words[i] % 257 != 0;
    }
    CHECK(finer > static_cast<int>(words.size()) / 2);
}

TEST_CASE("a supersampled pixel is the mean of its N x N sub-samples") {
    const Evaluator e = wide_network();
    for (int n : {2, 3, 4}) {
        CAPTURE(n);
        const int w = 19, h = 7;
        CpuRowRenderer big(e, w * n, h * n);
        SupersampledRowRenderer ss(big, n);
        CHECK(ss.width() == w);
        CHECK(ss.height() == h);
        std::vector<std::uint16_t> sub(static_cast<std::size_t>(w * n) * h * n * 3), out(w * h * 3);
        big.render_rows16(0, h * n, sub.data());
        ss.render_rows16(0, h, out.data());
        for (int j = 0; j < h; ++j)
            for (int i = 0; i < w; ++i)
                for (int c = 0; c < 3; ++c) {
                    double sum = 0;
                    for (int dy = 0; dy < n; ++dy)
                        for (int dx = 0; dx < n; ++dx)
                            sum +=
                                sub[((static_cast<std::size_t>(j) * n + dy) * w * n + i * n + dx) *
                                        3 +
                                    c];
                    CHECK(std::abs(out[(j * w + i) * 3 + c] - sum / (n * n)) <= 0.5);
                }
        // Any band of rows gives the same pixels.
        std::vector<std::uint8_t> all(w * h * 3), part(w * 3 * 3);
        ss.render_rows(0, h, all.data());
        ss.render_rows(2, 5, part.data());
        CHECK(std::equal(part.begin(), part.end(), all.begin() + 2 * w * 3));
    }
}

TEST_CASE("supersampling keeps the frame: the same view at any size") {
    // The centre pixel of a 2x2-supersampled image averages samples around the same plane point
    // as the plain image's centre: for a smooth network they agree closely.
    NetworkParams n;
    n.depth = 2;
    n.widths = {4};
    const Evaluator e(build_network(n), ViewParams{});
    CpuRowRenderer plain(e, 21, 21), big(e, 42, 42);
    SupersampledRowRenderer ss(big, 2);
    std::vector<std::uint8_t> a(21 * 21 * 3), b(21 * 21 * 3);
    plain.render_rows(0, 21, a.data());
    ss.render_rows(0, 21, b.data());
    for (std::size_t i = 0; i < a.size(); ++i) CHECK(std::abs(a[i] - b[i]) <= 1);
}

TEST_CASE("a 16-bit PNG is written as 16 bits per sample") {
    const fs::path dir = fs::path(PRIMORDIAL_TEST_TMP) / "export";
    fs::create_directories(dir);
    const Evaluator e = wide_network();
    CpuRowRenderer rows(e, 30, 20);
    write_png(rows, dir / "a.png", "{}", {}, 7, 16);
    std::ifstream f(dir / "a.png", std::ios::binary);
    char header[26];
    f.read(header, sizeof header);
    CHECK(header[24] == 16);  // IHDR bit depth
    CHECK(header[25] == 2);   // colour type RGB
    const PngImage back = read_png(dir / "a.png");
    std::vector<std::uint8_t> bytes(30 * 20 * 3);
    rows.render_rows(0, 20, bytes.data());
    for (std::size_t i = 0; i < bytes.size(); ++i) CHECK(std::abs(back.rgb[i] - bytes[i]) <= 1);
}
