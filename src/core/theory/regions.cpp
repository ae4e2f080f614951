#include "core/theory/regions.hpp"

#include <algorithm>

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

RegionCounter::RegionCounter(int hidden_units)
    : words_((static_cast<std::size_t>(std::max(hidden_units, 1)) + 63) / 64) {}

std::uint32_t RegionCounter::id_of(const std::uint64_t* pattern) {
    std::uint64_t h = 0x9E3779B97F4A7C15ull;
    for (std::size_t w = 0; w < words_; ++w) h = mix(h ^ pattern[w]);
    const auto [lo, hi] = by_hash_.equal_range(h);
    for (auto it = lo; it != hi; ++it) {
        const std::uint64_t* seen =
            patterns_.data() + static_cast<std::size_t>(it->second) * words_;
        if (std::equal(pattern, pattern + words_, seen)) return it->second;
    }
    const auto id = static_cast<std::uint32_t>(hash_.size());
    patterns_.insert(patterns_.end(), pattern, pattern + words_);
    hash_.push_back(h);
    by_hash_.emplace(h, id);
    return id;
}

RegionMap region_map(const Network& net, const ViewParams& view, int width, int height) {
    RegionMap m;
    m.rgb.assign(static_cast<std::size_t>(width) * height * 3, 0);
    const int hidden = static_cast<int>(net.layers.size()) - 1;
    int units = 0;
    for (int l = 0; l < hidden; ++l) units += net.layers[static_cast<std::size_t>(l)].out;
    RegionCounter counter(units);
    std::vector<std::uint32_t> region(static_cast<std::size_t>(width) * height, 0);
    std::vector<std::uint64_t> pattern(counter.words());
    const Evaluator eval(net, view);
    const ViewTransform t(view, width, height);
    constexpr int kBand = 16;  // rows at a time: every layer's values for a band stay small
    for (int r0 = 0; r0 < height; r0 += kBand) {
        const int r1 = std::min(height, r0 + kBand);
        std::vector<PlanePoint> points;
        for (int j = r0; j < r1; ++j)
            for (int i = 0; i < width; ++i) points.push_back(t.to_plane(i + 0.5, j + 0.5));
        const auto taps = eval.activations_at(points);
        const std::size_t n = points.size();
        for (std::size_t p = 0; p < n; ++p) {
            std::fill(pattern.begin(), pattern.end(), 0);
            std::size_t bit = 0;
            for (int l = 0; l < hidden; ++l)
                for (int u = 0; u < net.layers[static_cast<std::size_t>(l)].out; ++u, ++bit)
                    if (taps[static_cast<std::size_t>(l)][static_cast<std::size_t>(u) * n + p] > 0)
                        pattern[bit / 64] |= std::uint64_t{1} << (bit % 64);
            region[static_cast<std::size_t>(r0) * width + p] = counter.id_of(pattern.data());
        }
    }
    m.regions = counter.count();
    // A colour per region (pastel, from its pattern's hash); a pixel whose right or lower
    // neighbour is in another region is drawn dark, so boundaries show.
    for (int j = 0; j < height; ++j)
        for (int i = 0; i < width; ++i) {
            const std::size_t k = static_cast<std::size_t>(j) * width + i;
            const std::uint32_t id = region[k];
            const std::uint64_t h = counter.hash_of(id);
            const bool edge = (i + 1 < width && region[k + 1] != id) ||
                              (j + 1 < height && region[k + width] != id);
            std::uint8_t* px = &m.rgb[k * 3];
            for (int c = 0; c < 3; ++c)
                px[c] = edge
                            ? 40
                            : static_cast<std::uint8_t>(110 + ((h >> (c * 16)) & 0xff) * 145 / 255);
        }
    return m;
}

}  // namespace primordial::core
