// The mean-field theory of signal propagation in random networks (Poole et al. 2016,
// arXiv:1606.05340; Schoenholz et al. 2017, arXiv:1611.01232), in double precision: how long a
// layer's pre-activations are (the length map), where that length settles (q*), and whether a
// network is ordered or chaotic (chi1). docs/UNDERSTANDING.md explains each quantity.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "core/net/params.hpp"

namespace primordial::core {

// E_z[f(sqrt(q) z)^2] and E_z[f'(sqrt(q) z)^2] for z ~ N(0, 1), by quadrature.
double mean_square(Activation f, double q);
double mean_square_slope(Activation f, double q);

// The Gaussian expectations that carry a gradient through a layer (docs/UNDERSTANDING.md,
// "Where the detail is"), for h = sqrt(q) z. In closed form for relu, leaky relu and identity
// (piecewise linear through 0: the arc-cosine kernel's diagonal), else by quadrature.
struct SlopeMoments {
    double square = 0;    // E[f(h)^2]
    double cross = 0;     // E[f(h) f'(h) h]
    double slope = 0;     // E[f'(h)^2]
    double slope_h2 = 0;  // E[f'(h)^2 h^2]
};
SlopeMoments slope_moments(Activation f, double q);

// mean_square(f, q) tabulated once over q in [1e-8, 1e8] (48 points a decade, cubic in log q),
// for evaluating the length map at many sample points; outside the table it integrates.
class SquareTable {
public:
    explicit SquareTable(Activation f);
    double operator()(double q) const;

private:
    Activation f_;
    std::vector<double> values_;
};

// One step of the length map: the next layer's q from this one's.
inline double length_map(Activation f, double q, double sigma_w2, double sigma_b2) {
    return sigma_w2 * mean_square(f, q) + sigma_b2;
}

struct FixedPoint {
    std::optional<double> q_star;  // unset: the length grows without bound
    double chi1 = 0;               // sigma_w2 * E[f'(sqrt(q*) z)^2]: > 1 chaotic, < 1 ordered
};
// The length where the map settles, from any positive start, and chi1 there. `table` (f's),
// when given, makes the search cheap.
FixedPoint fixed_point(Activation f, double sigma_w2, double sigma_b2,
                       const SquareTable* table = nullptr);

enum class Phase { ordered, critical, chaotic };
std::string_view to_string(Phase p);
// ordered when chi1 < 0.98, chaotic when chi1 > 1.02, critical between.
Phase phase_of(double chi1);

// sigma_w^2 = fan-in * Var(W), sigma_b^2 = Var(b) of a layer (0 = the first), from the scheme,
// distribution and scales; from the values themselves when the weights are hand-set.
struct LayerVariances {
    double sigma_w2 = 0, sigma_b2 = 0;
    double weight_variance = 0;  // Var(W) itself (the first layer's q needs it)
    // Seeded weights: uniform on [-spread, spread], or normal with sigma = spread (hand-set: 0).
    double weight_spread = 0, bias_spread = 0;
};
LayerVariances layer_variances(const NetworkParams& n, int layer);

// The layer whose variances describe the network's hidden layers: the second (the first that
// reads hidden units) where there is one, else the first; -1 for a network without hidden layers.
int reference_layer(const NetworkParams& n);

// The network's chi1 and q* (its reference layer's variances and activation).
std::optional<FixedPoint> network_fixed_point(const NetworkParams& n,
                                              const SquareTable* table = nullptr);
// The activation the network's length map iterates (its reference layer's input).
Activation reference_activation(const NetworkParams& n);

// The weight scale at which chi1 = 1 for this network's scheme, widths and bias rule (a bias
// scale given outright stays put); unset when chi1 does not cross 1 for scales in [1e-3, 1e3],
// or the weights are hand-set.
std::optional<double> critical_scale(const NetworkParams& n);
// The same with the reference activation's table at hand (many networks of one activation).
std::optional<double> critical_scale(const NetworkParams& n, const SquareTable& table);

// The edge of chaos across bias scales (the phase diagram's line): at steps + 1 bias scales from
// bias_lo to bias_hi, the weight scale where chi1 = 1, unset where there is none.
struct EdgePoint {
    double bias_scale = 0;
    std::optional<double> weight_scale;
};
std::vector<EdgePoint> chaos_edge(const NetworkParams& n, double bias_lo, double bias_hi,
                                  int steps);

}  // namespace primordial::core
