#include <doctest/doctest.h>

#include <cstring>
#include <vector>

#include "core/eval/dense_kernels.hpp"
#include "core/eval/evaluate.hpp"
#include "core/net/network.hpp"

using namespace primordial::core;

namespace {

// Every layer's values at a spread of points, through the given kernel.
std::vector<std::vector<float>> layers_through(const Network& net, Kernel k) {
    std::vector<PlanePoint> points;
    for (int i = 0; i < 150; ++i) points.push_back({-2.0 + 0.031 * i, 1.5 - 0.023 * i});
    Evaluator e(net, ViewParams{0.1, 0.2, 2.0, 0.3});
    e.set_kernel(k);
    return e.activations_at(points);
}

bool same_bits(const std::vector<std::vector<float>>& a, const std::vector<std::vector<float>>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t l = 0; l < a.size(); ++l)
        if (a[l].size() != b[l].size() ||
            std::memcmp(a[l].data(), b[l].data(), a[l].size() * sizeof(float)) != 0)
            return false;
    return true;
}

}  // namespace

TEST_CASE("every dense kernel computes the same floats, bit for bit") {
    // Widths around the register blocks (6 units for AVX-512, 2 for AVX2), several activations,
    // the inputs x, y, r and z.
    for (int width : {1, 5, 6, 7, 13, 30, 64}) {
        for (Activation a :
             {Activation::tanh, Activation::relu, Activation::sin, Activation::softplus}) {
            NetworkParams p;
            p.depth = 5;
            p.widths = {width};
            p.activations = {a};
            p.inputs = {Input::x, Input::y, Input::r, Input::z};
            p.seed = static_cast<std::uint64_t>(width) * 17 + static_cast<int>(a);
            const Network net = build_network(p);
            const auto portable = layers_through(net, Kernel::portable);
            CAPTURE(width);
            CAPTURE(static_cast<int>(a));
            CHECK(same_bits(layers_through(net, Kernel::avx2), portable));
            CHECK(same_bits(layers_through(net, Kernel::avx512), portable));
            CHECK(same_bits(layers_through(net, Kernel::best), portable));
        }
    }
}

TEST_CASE("the kernel names say what runs") {
    const auto best = kernel_name(Kernel::best);
    CHECK((best == "avx512" || best == "avx2" || best == "portable"));
    CHECK(kernel_name(Kernel::portable) == "portable");
    // Asking for one the CPU lacks falls back to a narrower one, never a wider.
    CHECK(kernel_name(Kernel::avx2) != "avx512");
}
