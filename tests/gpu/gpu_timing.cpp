// Measures the GPU renderer (not a test: numbers for docs/PERFORMANCE.md, nothing asserted).
//   gpu_timing DEPTH WIDTH SIZE [init] [frames]   shader link and ms per full frame,
//                                                 e.g. gpu_timing 18 30 1024 range 3
//   gpu_timing --buckets                          link and first-draw time of each width bucket
//   gpu_timing --chaotic                          how closely chaotic networks agree with the CPU
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "core/eval/evaluate.hpp"
#include "core/net/network.hpp"
#include "core/net/params.hpp"
#include "gpu/context.hpp"
#include "gpu/gl.hpp"
#include "gpu/gpu_row_renderer.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/render_target.hpp"
#include "gpu/timer.hpp"
#include "gpu/weight_layout.hpp"

using namespace primordial;

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

int frame_times(const core::NetworkParams& n, int size, int frames) {
    const auto net = core::build_network(n);
    gpu::NetworkRenderer r;
    r.set_network(net);
    const double compile_ms = r.prepare();
    const gpu::RenderTarget target(size, size);
    target.bind();
    // llvmpipe JIT-compiles the shader at the first draw: time a 1x1 draw on its own.
    const auto c0 = Clock::now();
    r.draw(1, 1, gpu::Tile{0, 0, 1, 1});
    glFinish();
    const double first_draw_ms = ms_since(c0);
    gpu::GpuTimer timer;
    double best = 1e30, worst = 0, best_gpu = 1e30;
    for (int f = 0; f < frames; ++f) {
        const auto t0 = Clock::now();
        timer.begin();
        r.draw(size, size, gpu::Tile{0, 0, size, size});
        timer.end();
        glFinish();
        const double ms = ms_since(t0);
        best = std::min(best, ms);
        worst = std::max(worst, ms);
        if (auto g = timer.ms()) best_gpu = std::min(best_gpu, *g);
    }
    std::printf(
        "%dx%d at %dx%d: link %.0f ms, first 1x1 draw %.0f ms, frame %.0f-%.0f ms wall "
        "(best-worst of %d), %.0f ms GL_TIME_ELAPSED\n",
        n.depth, n.widths[0], size, size, compile_ms, first_draw_ms, best, worst, frames, best_gpu);
    return 0;
}

// llvmpipe compiles the GLSL at link time and the machine code at the first draw.
int bucket_times() {
    gpu::NetworkRenderer r;
    const gpu::RenderTarget target(1, 1);
    target.bind();
    for (int width : {30, 60, 120, 250, 500, 1000}) {
        core::NetworkParams n;
        n.depth = 2;
        n.widths = {width};
        r.set_network(core::build_network(n));
        const auto start = Clock::now();
        const double link_ms = r.prepare();
        r.draw(1, 1, gpu::Tile{0, 0, 1, 1});
        glFinish();
        std::printf("width bucket %d: link %.0f ms, link + first draw %.0f ms\n",
                    gpu::width_bucket(width), link_ms, ms_since(start));
    }
    return 0;
}

// Chaotic networks grow float32 rounding differences through their layers, so the GPU and the
// CPU part there by more than elsewhere; how far is a property of the device, reported here.
int chaotic_agreement() {
    gpu::NetworkRenderer r;
    for (auto [depth, width, w, h] : {std::array{40, 30, 64, 64}, std::array{14, 400, 48, 32}}) {
        core::Params p;
        p.network.init = core::Init::range;
        p.network.scale = 1.0;
        p.network.depth = depth;
        p.network.widths = {width};
        const core::Network net = core::build_network(p.network);
        std::vector<std::uint8_t> cpu(static_cast<std::size_t>(w) * h * 3), gpu(cpu.size());
        core::Evaluator(net, p.view).render_rows(w, h, 0, h, cpu.data());
        r.set_view(p.view);
        r.set_network(net);
        gpu::GpuRowRenderer(r, w, h).render_rows(0, h, gpu.data());
        int within = 0, max_diff = 0;
        for (std::size_t i = 0; i < cpu.size(); i += 3) {
            int d = 0;
            for (int c = 0; c < 3; ++c)
                d = std::max(d, std::abs(int(cpu[i + c]) - int(gpu[i + c])));
            within += d <= 2;
            max_diff = std::max(max_diff, d);
        }
        std::printf("%dx%d range 1 at %dx%d: %.2f%% of pixels within 2/255, max difference %d\n",
                    depth, width, w, h, 100.0 * within / (w * h), max_diff);
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    const bool buckets = argc == 2 && std::strcmp(argv[1], "--buckets") == 0;
    const bool chaotic = argc == 2 && std::strcmp(argv[1], "--chaotic") == 0;
    if (argc < 4 && !buckets && !chaotic) {
        std::fprintf(stderr,
                     "usage: gpu_timing DEPTH WIDTH SIZE [init] [frames]\n"
                     "       gpu_timing --buckets | --chaotic\n");
        return 2;
    }
    auto made = gpu::Context::create();
    if (!made.context) {
        std::fprintf(stderr, "%s\n", made.error.c_str());
        return 1;
    }
    std::printf("%s\n", made.context->describe().c_str());
    if (buckets) return bucket_times();
    if (chaotic) return chaotic_agreement();
    core::NetworkParams n;
    n.depth = std::atoi(argv[1]);
    n.widths = {std::atoi(argv[2])};
    if (argc > 4) n.init = *core::parse_init(argv[4]);
    return frame_times(n, std::atoi(argv[3]), argc > 5 ? std::atoi(argv[5]) : 3);
}
