// Statistics of one network over the view it is drawn in, beside the mean-field theory: each
// layer's pre-activation length q (measured and predicted), the length of a circle's image, how
// many units saturate or never act; chi1, q*, the phase and the critical weight scale; and, for
// relu networks, how many linear regions the view holds. docs/UNDERSTANDING.md defines each.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/net/params.hpp"
#include "core/theory/detail.hpp"
#include "core/theory/mean_field.hpp"

namespace primordial::core {

struct StatsOptions {
    int width = 64, height = 64;  // sample points: the pixel centres of the view at this size
    int circle_points = 4096;     // points on the circle of radius extent round the view centre
    int threads = 0;              // 0: all cores
    std::optional<DetailOptions> detail;  // also the detail by radius (its threads: these)
    // Told as each step begins: its number (from 1), how many there are, and what it is.
    std::function<void(int step, int steps, const std::string& what)> progress;
};

struct LayerStats {
    int layer = 0;  // 1 = the first, depth = the output layer
    Activation activation = Activation::identity;
    int width = 0;
    double sigma_w2 = 0, sigma_b2 = 0;
    double q = 0;         // mean of h^2 over units and sample points
    double q_theory = 0;  // the length map from each point's inputs, averaged over the points
    double trajectory_length = 0;  // of the closed polygon through y^l at the circle's points
    double saturated = 0;          // share of (unit, point) with |f'(h)| < 0.1
    double dead = 0;               // share of units with |f'(h)| < 0.1 at every point
};

struct NetworkStats {
    std::vector<LayerStats> layers;
    double input_trajectory_length = 0;  // the circle in input space (x, y and any others)
    std::optional<double> chi1, q_star;  // unset without hidden layers; q* unset: unbounded
    std::optional<Phase> phase;
    std::optional<double> critical_scale;
    std::optional<long long> regions;  // relu and leaky relu networks only
    int samples = 0, circle_points = 0;
    std::vector<DetailAtRadius> detail;  // when asked for
};

// Measured in double precision (the weights are the network's float32 values).
NetworkStats network_stats(const Params& p, const StatsOptions& o = {});

// "primordial-stats/1" JSON, a table for people, or CSV (one row per layer).
std::string stats_to_json(const NetworkStats& s);
std::string stats_to_table(const NetworkStats& s);
std::string stats_to_csv(const NetworkStats& s);

// The picture's colours travel less than this (RGB distance, channels 0-1) round the circle
// inscribed in the view: the picture looks smooth, whatever the phase.
inline constexpr double kSmoothColourTravel = 3.0;
// Why the verdict seems to contradict the picture ("chaotic" beside a smooth picture), in words a
// reader of the article follows; "" when it does not.
std::string verdict_note(const NetworkStats& s);

// Why a network has no linear regions to count, or "" (all hidden layers relu or leaky relu).
std::string regions_unavailable(const NetworkParams& n);

}  // namespace primordial::core
