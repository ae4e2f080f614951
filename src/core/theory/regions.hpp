// Relu networks are piecewise linear: each pattern of which hidden units are on is one linear
// region (Hanin & Rolnick 2019, arXiv:1901.09021). A picture of them: each pixel coloured by its
// pattern, boundaries dark, and how many distinct patterns the picture holds. The one count of
// them, exact (patterns compared bit for bit, not by a hash), shared with `stats`.
#pragma once

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "core/eval/view.hpp"
#include "core/net/network.hpp"

namespace primordial::core {

// Distinct activation patterns, each `words` 64-bit words (bit b: hidden unit b, layers in order,
// is on). Holds each distinct pattern once, so memory follows the regions, not the points.
class RegionCounter {
public:
    explicit RegionCounter(int hidden_units);
    std::size_t words() const { return words_; }
    // The pattern's region: 0, 1, 2, ... in the order patterns are first seen.
    std::uint32_t id_of(const std::uint64_t* pattern);
    long long count() const { return static_cast<long long>(hash_.size()); }
    // A well-mixed hash of the region's pattern (for its colour).
    std::uint64_t hash_of(std::uint32_t id) const { return hash_[id]; }

private:
    std::size_t words_;
    std::vector<std::uint64_t> patterns_;  // the distinct patterns, words_ each, by id
    std::vector<std::uint64_t> hash_;      // by id
    std::unordered_multimap<std::uint64_t, std::uint32_t> by_hash_;
};

struct RegionMap {
    std::vector<std::uint8_t> rgb;  // width x height, 3 bytes a pixel
    long long regions = 0;          // distinct patterns over the pixels
};

// Every hidden layer of `net` must be relu or leaky relu (a unit is on where its value > 0).
RegionMap region_map(const Network& net, const ViewParams& view, int width, int height);

}  // namespace primordial::core
