// Where a picture's detail is, and how much (docs/UNDERSTANDING.md, "Where the detail is"): for
// each hidden layer and radius r = |x| of the input plane, the mean squared pre-activation
// q^l(r) and mean squared gradient g^l(r) = E|grad_x h^l|^2, and the picture's own detail
// E|grad_x f|^2 per channel. Predicted by the mean-field theory (the first layer integrated over
// its weights' actual distribution, later ones jointly Gaussian with their gradients), and
// measured on the network's own weights by forward-mode derivatives.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "core/net/network.hpp"

namespace primordial::core {

// One radius's profile: per hidden layer (in order) q and g, and the picture's detail.
struct DetailProfile {
    std::vector<double> q, g;
    double picture = 0;         // E|grad f|^2, averaged over the output channels
    double picture_radial = 0;  // its part along the radius, E[(grad f . x / |x|)^2]; 0 at r = 0
    void add(const DetailProfile& b, double weight);  // += b * weight, entry by entry
};

// The theory at radius r, averaged round the circle (detail_theory.cpp). The view's z and t set
// the constant inputs.
DetailProfile predict_detail(const NetworkParams& n, const ViewParams& view, double r);

// Measured on `points` points of each circle (angles 2 pi k / points), in double precision from
// the network's float32 weights; one profile per radius.
std::vector<DetailProfile> measure_detail(const Network& net, const ViewParams& view,
                                          const std::vector<double>& radii, int points,
                                          int threads);

struct DetailOptions {
    std::vector<double> radii{0, 0.5, 1, 2, 4};
    int points = 64;  // per circle
    // Also the means over this many networks: the seed and those after it (seeded weights only).
    // One network scatters about the theory's mean, the more the narrower and deeper it is, and
    // its picture (three channels) most of all.
    int seeds = 1;
    int threads = 0;  // 0: all cores
    // Told as each network is measured: its number (from 1) and how many there are.
    std::function<void(int done, int total)> progress;
};

struct DetailLayer {
    int layer = 0;  // 1 = the first
    double q = 0, q_theory = 0, g = 0, g_theory = 0;
    std::optional<double> q_seeds, g_seeds;  // the means over DetailOptions::seeds, when > 1
};
struct DetailAtRadius {
    double r = 0;
    std::vector<DetailLayer> layers;  // the hidden layers, in order
    double picture = 0, picture_theory = 0;
    double picture_radial = 0, picture_radial_theory = 0;  // the parts along the radius
    std::optional<double> picture_seeds;
};

// Throws InputError when `o` asks for what cannot be held (a negative radius, too many values).
void check_detail(const Params& p, const DetailOptions& o);

// The measurement and the theory side by side at each radius.
std::vector<DetailAtRadius> network_detail(const Params& p, const DetailOptions& o);

// The radial profile the detail view draws: the theory, one network's measurement and the mean
// over `seeds` networks (empty when 1) at `count` radii from 0 to r_max, and the hub's predicted
// radius. The points per circle (8 to 64) and the seeds (up to `seeds`) follow the network's cost.
struct DetailCurves {
    std::vector<double> radii;
    std::vector<DetailProfile> theory, measured, seeds_mean;
    std::optional<double> hub;
    int seeds = 1, points = 0;
};
DetailCurves predict_curves(const Params& p, double r_max, int count);  // the theory and hub
void measure_curves(const Params& p, DetailCurves& c, int seeds);       // adds the measurement
inline constexpr int kDetailRadii = 33, kDetailSeeds = 16;              // the detail view's

// The distance from the origin (where the hub forms) to the farthest corner of the view's square.
double farthest_radius(const ViewParams& v);

// The hub's predicted radius: where the picture's predicted detail, along `radii` (ascending),
// first falls to half its peak beyond the peak; unset when it does not within them.
std::optional<double> hub_radius(const std::vector<double>& radii,
                                 const std::vector<double>& detail);

}  // namespace primordial::core
