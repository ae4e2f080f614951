#include "core/theory/regions.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/eval/evaluate.hpp"

namespace primordial::core {
namespace {

std::uint64_t mix(std::uint64_t h) {
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ull;
    return h ^ (h >> 33);
}

}  // namespace

RegionMap region_map(const Network& net, const ViewParams& view, int width, int height) {
    RegionMap m;
    m.rgb.assign(static_cast<std::size_t>(width) * height * 3, 0);
    std::vector<std::uint64_t> pattern(static_cast<std::size_t>(width) * height, 0);
    const Evaluator eval(net, view);
    const ViewTransform t(view, width, height);
    const int hidden = static_cast<int>(net.layers.size()) - 1;
    constexpr int kBand = 16;  // rows at a time: every layer's values for a band stay small
    for (int r0 = 0; r0 < height; r0 += kBand) {
        const int r1 = std::min(height, r0 + kBand);
        std::vector<PlanePoint> points;
        for (int j = r0; j < r1; ++j)
            for (int i = 0; i < width; ++i) points.push_back(t.to_plane(i + 0.5, j + 0.5));
        const auto taps = eval.activations_at(points);
        const std::size_t n = points.size();
        for (std::size_t p = 0; p < n; ++p) {
            std::uint64_t h = 0x9E3779B97F4A7C15ull;  // a hash of the pattern, bit by bit
            std::uint64_t word = 0;
            int bits = 0;
            for (int l = 0; l < hidden; ++l)
                for (int u = 0; u < net.layers[static_cast<std::size_t>(l)].out; ++u) {
                    word = word << 1 |
                           (taps[static_cast<std::size_t>(l)][static_cast<std::size_t>(u) * n + p] >
                            0.0f);
                    if (++bits == 64) h = mix(h ^ word), word = 0, bits = 0;
                }
            pattern[static_cast<std::size_t>(r0) * width + p] =
                mix(h ^ word ^ static_cast<std::uint64_t>(bits));
        }
    }
    std::unordered_set<std::uint64_t> distinct(pattern.begin(), pattern.end());
    m.regions = static_cast<long long>(distinct.size());
    // A colour per pattern (pastel, from the hash); a pixel whose right or lower neighbour is in
    // another region is drawn dark, so boundaries show.
    for (int j = 0; j < height; ++j)
        for (int i = 0; i < width; ++i) {
            const std::size_t k = static_cast<std::size_t>(j) * width + i;
            const std::uint64_t h = pattern[k];
            const bool edge = (i + 1 < width && pattern[k + 1] != h) ||
                              (j + 1 < height && pattern[k + width] != h);
            std::uint8_t* px = &m.rgb[k * 3];
            for (int c = 0; c < 3; ++c)
                px[c] = edge
                            ? 40
                            : static_cast<std::uint8_t>(110 + ((h >> (c * 16)) & 0xff) * 145 / 255);
        }
    return m;
}

}  // namespace primordial::core
