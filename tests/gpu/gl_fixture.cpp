#include "gpu/gl_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

#include "core/eval/evaluate.hpp"
#include "gpu/debug.hpp"
#include "gpu/gl.hpp"
#include "gpu/gpu_row_renderer.hpp"

namespace primordial::gpu::test {
namespace {

struct Shared {
    std::unique_ptr<Context> context;
    std::unique_ptr<DebugLog> log;
    std::string error;
    Shared() {
        auto made = Context::create(ContextOptions{.debug = true});
        context = std::move(made.context);
        error = made.error;
        if (context) log = std::make_unique<DebugLog>();
    }
};

Shared& shared() {
    // Created on first use and never destroyed: the GL driver then stays loaded at exit, so that
    // LeakSanitizer can name (and tests/lsan.supp suppress) the driver's own leaks.
    static Shared* s = new Shared;
    return *s;
}

}  // namespace

int& gl_skips() {
    static int skips = 0;  // test-run bookkeeping, read once by main()
    return skips;
}

Context* context() {
    Shared& s = shared();
    if (s.context) s.context->make_current();
    return s.context.get();
}

const std::string& context_error() {
    return shared().error;
}

void check_no_gl_errors() {
    Shared& s = shared();
    if (!s.context) return;
    CHECK(glGetError() == GL_NO_ERROR);
    if (s.log) {
        for (const std::string& m : s.log->messages()) FAIL_CHECK("GL debug message: " << m);
        s.log->clear();
    }
}

std::vector<std::uint8_t> cpu_image(const core::Params& p) {
    const core::Evaluator eval(core::build_network(p.network), p.view);
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(p.image_width) * p.image_height * 3);
    eval.render_rows(p.image_width, p.image_height, 0, p.image_height, rgb.data(), {0, p.colormap});
    return rgb;
}

std::vector<std::uint8_t> gpu_image(NetworkRenderer& r, const core::Params& p, int max_tile,
                                    int band) {
    r.set_view(p.view);
    r.set_network(core::build_network(p.network));
    GpuRowRenderer rows(r, p.image_width, p.image_height, max_tile);
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(p.image_width) * p.image_height * 3);
    if (band <= 0) band = p.image_height;
    for (int y = 0; y < p.image_height; y += band)
        rows.render_rows(y, std::min(p.image_height, y + band),
                         rgb.data() + static_cast<std::size_t>(y) * p.image_width * 3);
    return rgb;
}

Agreement compare(const std::vector<std::uint8_t>& a, const std::vector<std::uint8_t>& b) {
    REQUIRE(a.size() == b.size());
    Agreement g;
    std::size_t ok = 0;
    for (std::size_t i = 0; i < a.size(); i += 3) {
        int d = 0;
        for (int c = 0; c < 3; ++c) d = std::max(d, std::abs(int(a[i + c]) - int(b[i + c])));
        ok += d <= 2;
        g.max_diff = std::max(g.max_diff, d);
    }
    g.within = a.empty() ? 1.0 : double(ok) / double(a.size() / 3);
    return g;
}

}  // namespace primordial::gpu::test
