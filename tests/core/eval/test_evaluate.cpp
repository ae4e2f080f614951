#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "core/eval/activation.hpp"
#include "core/eval/evaluate.hpp"
#include "core/eval/view.hpp"
#include "core/net/network.hpp"

using namespace primordial::core;

namespace {

std::vector<std::uint8_t> render(const Evaluator& e, int w, int h, int threads, int band = 0) {
    std::vector<std::uint8_t> rgb(static_cast<std::size_t>(w) * h * 3);
    if (band == 0) band = h;
    for (int r = 0; r < h; r += band) {
        const int n = std::min(band, h - r);
        e.render_rows(w, h, r, r + n, rgb.data() + static_cast<std::size_t>(r) * w * 3, {threads});
    }
    return rgb;
}

// The network in double precision straight from the definition: a reference for the folding.
std::vector<double> reference(const Network& n, double x, double y, double z) {
    std::vector<double> v;
    for (Input in : n.inputs) {
        switch (in) {
            case Input::x:
                v.push_back(x);
                break;
            case Input::y:
                v.push_back(y);
                break;
            case Input::r:
                v.push_back(std::sqrt(x * x + y * y));
                break;
            case Input::z:
                v.push_back(z);
                break;
            case Input::cos_t:
                v.push_back(1.0);
                break;  // t = 0
            case Input::sin_t:
                v.push_back(0.0);
                break;
        }
    }
    for (const Layer& l : n.layers) {
        std::vector<double> out(l.out);
        for (int j = 0; j < l.out; ++j) {
            double s = l.biases[j];
            for (int k = 0; k < l.in; ++k) s += double(l.w(j, k)) * v[k];
            out[j] = activation_reference(l.activation, s);
        }
        v = out;
    }
    return v;
}

int byte_of(double v) {
    return static_cast<int>(std::lround(std::clamp(v, 0.0, 1.0) * 255));
}

}  // namespace

TEST_CASE("results do not depend on the thread count or the band size") {
    NetworkParams p;
    p.depth = 8;
    p.widths = {30};
    const Evaluator e(build_network(p), ViewParams{0.1, -0.2, 1.3, 0});
    const auto one = render(e, 131, 77, 1);
    CHECK(render(e, 131, 77, 2) == one);
    CHECK(render(e, 131, 77, 3, 5) == one);
    CHECK(render(e, 131, 77, 1, 1) == one);
}

TEST_CASE("pixels equal the network at their plane points") {
    NetworkParams p;
    p.depth = 6;
    p.inputs = {Input::x, Input::y, Input::r, Input::z};
    const ViewParams v{0.25, 0.5, 0.8, 0.3};
    const Evaluator e(build_network(p), v);
    const int w = 70, h = 50;
    const auto rgb = render(e, w, h, 2);
    const ViewTransform t(v, w, h);
    for (auto [i, j] : {std::pair{0, 0}, std::pair{69, 49}, std::pair{35, 20}, std::pair{3, 44}}) {
        const PlanePoint pt = t.to_plane(i + 0.5, j + 0.5);
        const auto ref = reference(e.network(), pt.x, pt.y, v.z);
        for (int c = 0; c < 3; ++c)
            CHECK(std::abs(rgb[(static_cast<std::size_t>(j) * w + i) * 3 + c] - byte_of(ref[c])) <=
                  1);
    }
}

TEST_CASE("one output is drawn as grey") {
    NetworkParams p;
    p.depth = 3;
    p.outputs = 1;
    const Evaluator e(build_network(p), ViewParams{});
    const auto rgb = render(e, 16, 16, 1);
    bool varies = false;
    for (std::size_t i = 0; i < rgb.size(); i += 3) {
        CHECK(rgb[i] == rgb[i + 1]);
        CHECK(rgb[i] == rgb[i + 2]);
        varies = varies || rgb[i] != rgb[0];
    }
    CHECK(varies);
}

TEST_CASE("a far centre with a tiny extent stays smooth (first layer folded in double)") {
    NetworkParams p;
    p.depth = 10;
    p.init = Init::lecun;
    const ViewParams v{10000.25, -5000.5, 0.001, 0};
    const Evaluator e(build_network(p), v);
    const int w = 64, h = 64;
    const auto rgb = render(e, w, h, 2);
    const ViewTransform t(v, w, h);
    int close = 0, total = 0;
    for (int j = 0; j < h; j += 3)
        for (int i = 0; i < w; i += 3) {
            const PlanePoint pt = t.to_plane(i + 0.5, j + 0.5);
            const auto ref = reference(e.network(), pt.x, pt.y, 0);
            bool ok = true;
            for (int c = 0; c < 3; ++c)
                ok = ok && std::abs(rgb[(static_cast<std::size_t>(j) * w + i) * 3 + c] -
                                    byte_of(ref[c])) <= 2;
            close += ok;
            ++total;
        }
    CHECK(close == total);
}

TEST_CASE("layer activations: the last layer is the output, every layer has its width") {
    NetworkParams p;
    p.depth = 4;
    p.widths = {7, 5, 9};
    const Evaluator e(build_network(p), ViewParams{});
    std::vector<PlanePoint> pts;
    for (int i = 0; i < 100; ++i) pts.push_back({i * 0.02 - 1, 0.5 - i * 0.01});
    const auto taps = e.activations_at(pts);
    REQUIRE(taps.size() == 4);
    CHECK(taps[0].size() == 7 * pts.size());
    CHECK(taps[1].size() == 5 * pts.size());
    CHECK(taps[2].size() == 9 * pts.size());
    const auto out = e.outputs_at(pts);
    for (std::size_t i = 0; i < pts.size(); ++i)
        for (int c = 0; c < 3; ++c) CHECK(out[i * 3 + c] == taps[3][c * pts.size() + i]);
    // First-layer units equal tanh of their affine map.
    const Layer& l0 = e.network().layers[0];
    for (std::size_t i = 0; i < pts.size(); i += 17) {
        const double s = l0.biases[2] + l0.w(2, 0) * pts[i].x + l0.w(2, 1) * pts[i].y;
        CHECK(taps[0][2 * pts.size() + i] == doctest::Approx(std::tanh(s)).epsilon(1e-5));
    }
}

TEST_CASE("colour bytes round and clamp; NaN is black") {
    CHECK(to_byte(0.0f) == 0);
    CHECK(to_byte(1.0f) == 255);
    CHECK(to_byte(-3.0f) == 0);
    CHECK(to_byte(7.0f) == 255);
    CHECK(to_byte(0.5f) == 128);
    CHECK(to_byte(std::nanf("")) == 0);
    CHECK(to_byte(127.4f / 255) == 127);
}
