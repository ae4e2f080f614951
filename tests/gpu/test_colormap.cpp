#include <doctest/doctest.h>

#include "core/eval/evaluate.hpp"
#include "core/net/colormap.hpp"
#include "core/net/network.hpp"
#include "gpu/gl_fixture.hpp"
#include "gpu/gpu_row_renderer.hpp"

using namespace primordial;
using namespace primordial::gpu;
using namespace primordial::gpu::test;

TEST_CASE("the GPU colours one-output networks exactly as the CPU does") {
    REQUIRE_GL_CONTEXT();
    core::Params p;
    p.network.depth = 5;
    p.network.outputs = 1;
    p.network.init = core::Init::lecun;
    p.image_width = 48;
    p.image_height = 32;
    NetworkRenderer r;
    const core::Network net = core::build_network(p.network);
    r.set_network(net);
    r.set_view(p.view);
    for (core::ColorMap m :
         {core::ColorMap::viridis, core::ColorMap::magma, core::ColorMap::grey}) {
        CAPTURE(core::to_string(m));
        r.set_colormap(m);
        std::vector<std::uint8_t> gpu(48 * 32 * 3), cpu(48 * 32 * 3);
        GpuRowRenderer rows(r, 48, 32);
        rows.render_rows(0, 32, gpu.data());
        const core::Evaluator e(net, p.view);
        e.render_rows(48, 32, 0, 32, cpu.data(), {1, m});
        CHECK(compare(gpu, cpu).within >= 0.995);
        // Every GPU pixel is an entry of the table.
        const core::ColorLut& lut = core::colormap_lut(m);
        int in_table = 0;
        for (int i = 0; i < 48 * 32; ++i) {
            for (const auto& c : lut)
                if (c[0] == gpu[i * 3] && c[1] == gpu[i * 3 + 1] && c[2] == gpu[i * 3 + 2]) {
                    ++in_table;
                    break;
                }
        }
        CHECK(in_table == 48 * 32);
    }
    check_no_gl_errors();
}
