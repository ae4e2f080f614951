#include <doctest/doctest.h>

#include <vector>

#include "core/eval/evaluate.hpp"
#include "core/net/colormap.hpp"
#include "core/net/network.hpp"

using namespace primordial::core;

TEST_CASE("colour maps: grey is the identity, the others run dark to light") {
    const ColorLut& grey = colormap_lut(ColorMap::grey);
    for (int i = 0; i < 256; ++i) {
        CHECK(grey[i][0] == i);
        CHECK(grey[i][1] == i);
        CHECK(grey[i][2] == i);
    }
    const ColorLut& viridis = colormap_lut(ColorMap::viridis);
    CHECK(viridis[0] == std::array<std::uint8_t, 3>{68, 1, 84});
    CHECK(viridis[255] == std::array<std::uint8_t, 3>{253, 231, 37});
    for (ColorMap m : {ColorMap::viridis, ColorMap::magma, ColorMap::ocean}) {
        const ColorLut& l = colormap_lut(m);
        auto luma = [&](int i) { return 0.3 * l[i][0] + 0.59 * l[i][1] + 0.11 * l[i][2]; };
        CHECK(luma(255) > luma(128));
        CHECK(luma(128) > luma(0));
        REQUIRE(parse_colormap(to_string(m)));
        CHECK(*parse_colormap(to_string(m)) == m);
    }
    CHECK_FALSE(parse_colormap("jet"));
}

TEST_CASE("a one-output picture is coloured through the table") {
    NetworkParams p;
    p.depth = 4;
    p.outputs = 1;
    const Evaluator e(build_network(p), ViewParams{});
    const int w = 40, h = 30;
    std::vector<std::uint8_t> grey(w * h * 3), magma(w * h * 3);
    e.render_rows(w, h, 0, h, grey.data(), {1, ColorMap::grey});
    e.render_rows(w, h, 0, h, magma.data(), {1, ColorMap::magma});
    const ColorLut& lut = colormap_lut(ColorMap::magma);
    for (int i = 0; i < w * h; ++i)
        for (int c = 0; c < 3; ++c) CHECK(magma[i * 3 + c] == lut[grey[i * 3]][c]);
}

TEST_CASE("colour maps leave three-output pictures alone") {
    NetworkParams p;
    p.depth = 3;
    const Evaluator e(build_network(p), ViewParams{});
    std::vector<std::uint8_t> a(16 * 16 * 3), b(16 * 16 * 3);
    e.render_rows(16, 16, 0, 16, a.data(), {1, ColorMap::grey});
    e.render_rows(16, 16, 0, 16, b.data(), {1, ColorMap::ocean});
    CHECK(a == b);
}
