#include "core/theory/mean_field.hpp"

#include <array>
#include <cmath>
#include <numbers>

#include "core/eval/activation.hpp"
#include "core/net/name_table.hpp"
#include "core/net/network.hpp"

namespace primordial::core {
namespace {

// Composite Simpson of g(z) times the normal density over [lo, hi], `intervals` (even) of them.
// z = 0, where it is a node, counts as the mean of its two sides: relu's slope steps there.
template <std::size_t N, class G>
void simpson(G& g, double lo, double hi, int intervals, std::array<double, N>& sum) {
    const double h = (hi - lo) / intervals;
    const double norm = 1.0 / std::sqrt(2 * std::numbers::pi);
    for (int i = 0; i <= intervals; ++i) {
        const double z = lo + i * h;
        const double w = i == 0 || i == intervals ? 1 : (i % 2 ? 4 : 2);
        std::array<double, N> gz = g(z);
        if (std::abs(z) < 1e-12 * h) {
            const std::array<double, N> below = g(-1e-300), above = g(1e-300);
            for (std::size_t k = 0; k < N; ++k) gz[k] = 0.5 * (below[k] + above[k]);
        }
        const double weight = w * std::exp(-0.5 * z * z) * h / 3 * norm;
        for (std::size_t k = 0; k < N; ++k) sum[k] += weight * gz[k];
    }
}

// E_z[g(z)] for z ~ N(0, 1), for N functions at once (g returns them as an array), where
// g(z) = G(sqrt(q) z) for functions G of h that change over lengths of about 1: Simpson over
// [-12, 12] (the tails beyond hold < 1e-32 of the mass), with |h| < 30 on a finer grid of its
// own when sqrt(q) is large enough that the whole range's grid would step over tanh's slope.
template <std::size_t N, class G>
std::array<double, N> gaussian_means(G g, double q = 1) {
    constexpr int kIntervals = 4096;  // per panel, even
    constexpr double kEdge = 12.0;
    std::array<double, N> sum{};
    const double inner = 30 / std::sqrt(std::max(q, 1e-300));  // |h| < 30, in z
    if (inner >= kEdge || 2 * kEdge / kIntervals * std::sqrt(q) < 0.1) {
        simpson(g, -kEdge, kEdge, kIntervals, sum);
        return sum;
    }
    simpson(g, -kEdge, -inner, kIntervals, sum);
    simpson(g, -inner, inner, kIntervals, sum);
    simpson(g, inner, kEdge, kIntervals, sum);
    return sum;
}

template <class G>
double gaussian_mean(G g, double q) {
    return gaussian_means<1>([&](double z) { return std::array<double, 1>{g(z)}; }, q)[0];
}

// A layer's variances when its scale is `scale` (and its bias scale follows the rule).
NetworkParams with_scale(NetworkParams n, double scale) {
    n.scale = scale;
    return n;
}

constexpr std::pair<Phase, std::string_view> kPhases[] = {
    {Phase::ordered, "ordered"}, {Phase::critical, "critical"}, {Phase::chaotic, "chaotic"}};

}  // namespace

double mean_square(Activation f, double q) {
    const double s = std::sqrt(std::max(q, 0.0));
    return gaussian_mean(
        [&](double z) {
            const double v = activation_reference(f, s * z);
            return v * v;
        },
        q);
}

double mean_square_slope(Activation f, double q) {
    const double s = std::sqrt(std::max(q, 0.0));
    return gaussian_mean(
        [&](double z) {
            const double d = activation_derivative(f, s * z);
            return d * d;
        },
        q);
}

SlopeMoments slope_moments(Activation f, double q) {
    if (!(q > 1e-300)) {  // h is 0 itself, as a unit with no input and no bias is
        const double v = activation_reference(f, 0), d = activation_derivative(f, 0);
        return {v * v, 0, d * d, 0};
    }
    if (f == Activation::relu || f == Activation::leaky_relu || f == Activation::identity) {
        // f(h) = h f'(h), with slopes a above 0 and b below: every moment is (a^2 + b^2) / 2
        // times q or 1.
        const double a = activation_derivative(f, 1), b = activation_derivative(f, -1);
        const double c = (a * a + b * b) / 2;
        return {c * q, c * q, c, c * q};
    }
    const double s = std::sqrt(q);
    const auto [square, cross, slope, slope_h2] = gaussian_means<4>(
        [&](double z) {
            const double h = s * z, v = activation_reference(f, h), d = activation_derivative(f, h);
            return std::array<double, 4>{v * v, v * d * h, d * d, d * d * h * h};
        },
        q);
    return {square, cross, slope, slope_h2};
}

namespace {
constexpr double kTableLo = -8, kTableHi = 8;  // log10 q
constexpr int kPerDecade = 48;
}  // namespace

SquareTable::SquareTable(Activation f) : f_(f) {
    const int n = static_cast<int>((kTableHi - kTableLo) * kPerDecade) + 1;
    values_.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        values_.push_back(mean_square(f, std::pow(10.0, kTableLo + double(i) / kPerDecade)));
}

double SquareTable::operator()(double q) const {
    const double x = (std::log10(q) - kTableLo) * kPerDecade;
    const int n = static_cast<int>(values_.size());
    if (!(x >= 1) || x >= n - 3) return mean_square(f_, q);  // near or past the ends, q = 0, NaN
    const int i = static_cast<int>(x);
    const double t = x - i;
    // Catmull-Rom through the four nearest samples.
    const double p0 = values_[i - 1], p1 = values_[i], p2 = values_[i + 1], p3 = values_[i + 2];
    return p1 + 0.5 * t *
                    (p2 - p0 + t * (2 * p0 - 5 * p1 + 4 * p2 - p3 + t * (3 * (p1 - p2) + p3 - p0)));
}

FixedPoint fixed_point(Activation f, double sw2, double sb2, const SquareTable* table) {
    const auto g = [&](double q) {
        return sw2 * (table ? (*table)(q) : mean_square(f, q)) + sb2 - q;
    };
    // The map rises from sigma_b2 at q = 0; the fixed point reached from a positive start is the
    // largest root. Find where g turns negative, doubling, then bisect (in log q).
    constexpr double kTiny = 1e-12, kHuge = 1e12;
    FixedPoint fp;
    double hi = 1;
    // Within quadrature error of zero counts as zero: relu at sigma_w2 = 2 maps every q to itself.
    const auto above = [&](double q) { return g(q) > 1e-9 * q; };
    const auto below = [&](double q) { return g(q) < -1e-9 * q; };
    while (hi < kHuge && above(hi)) hi *= 2;
    if (hi >= kHuge) {
        fp.q_star.reset();
        fp.chi1 = sw2 * mean_square_slope(f, kHuge);
        return fp;
    }
    double lo = hi / 2;
    while (lo > kTiny && below(lo)) lo /= 2;
    if (lo <= kTiny) {  // the length dies away: q* = 0, chi1 as q -> 0
        fp.q_star = 0.0;
        fp.chi1 = sw2 * mean_square_slope(f, kTiny);
        return fp;
    }
    for (int i = 0; i < 60; ++i) {
        const double mid = std::sqrt(lo * hi);
        (g(mid) > 0 ? lo : hi) = mid;
    }
    fp.q_star = std::sqrt(lo * hi);
    fp.chi1 = sw2 * mean_square_slope(f, *fp.q_star);
    return fp;
}

std::string_view to_string(Phase p) {
    return name_of(kPhases, p);
}

Phase phase_of(double chi1) {
    if (chi1 < 0.98) return Phase::ordered;
    if (chi1 > 1.02) return Phase::chaotic;
    return Phase::critical;
}

LayerVariances layer_variances(const NetworkParams& n, int layer) {
    const auto [in, out] = layer_shape(n, layer);
    LayerVariances v;
    if (!n.set_weights.empty()) {  // the values themselves
        const LayerValues& lv = n.set_weights[static_cast<std::size_t>(layer)];
        double w2 = 0, b2 = 0;
        for (float w : lv.weights) w2 += double(w) * w;
        for (float b : lv.biases) b2 += double(b) * b;
        v.weight_variance = lv.weights.empty() ? 0 : w2 / static_cast<double>(lv.weights.size());
        v.sigma_b2 = lv.biases.empty() ? 0 : b2 / static_cast<double>(lv.biases.size());
    } else {
        // The sampler's spread (uniform on [-spread, spread] has variance spread^2 / 3), times
        // the gain.
        const bool output = layer == n.depth - 1;
        const WeightSampler sampler(n, in, out, 1.0);
        const auto variance = [&](double gain) {
            const double spread = sampler.spread() * gain;
            return n.distribution == Distribution::normal ? spread * spread : spread * spread / 3;
        };
        const double bias_gain = output ? n.output_layer_bias_scale() : n.hidden_bias_scale();
        v.weight_variance = variance(n.scale);
        v.sigma_b2 = variance(bias_gain);
        v.weight_spread = sampler.spread() * n.scale;
        v.bias_spread = sampler.spread() * bias_gain;
    }
    v.sigma_w2 = in * v.weight_variance;
    return v;
}

int reference_layer(const NetworkParams& n) {
    if (n.depth < 2) return -1;
    return n.depth >= 3 ? 1 : 0;
}

Activation reference_activation(const NetworkParams& n) {
    const int l = reference_layer(n);
    return n.activation_of(l <= 0 ? 0 : l - 1);
}

std::optional<FixedPoint> network_fixed_point(const NetworkParams& n, const SquareTable* table) {
    const int l = reference_layer(n);
    if (l < 0) return std::nullopt;
    const LayerVariances v = layer_variances(n, l);
    return fixed_point(reference_activation(n), v.sigma_w2, v.sigma_b2, table);
}

std::optional<double> critical_scale(const NetworkParams& n) {
    if (!n.set_weights.empty() || reference_layer(n) < 0) return std::nullopt;
    return critical_scale(n, SquareTable(reference_activation(n)));
}

std::optional<double> critical_scale(const NetworkParams& n, const SquareTable& table) {
    if (!n.set_weights.empty() || reference_layer(n) < 0) return std::nullopt;
    const auto chi1 = [&](double s) { return network_fixed_point(with_scale(n, s), &table)->chi1; };
    double lo = 1e-3, hi = 1e3;
    if (chi1(lo) > 1 || chi1(hi) < 1) return std::nullopt;
    for (int i = 0; i < 45; ++i) {
        const double mid = std::sqrt(lo * hi);
        (chi1(mid) < 1 ? lo : hi) = mid;
    }
    return std::sqrt(lo * hi);
}

std::vector<EdgePoint> chaos_edge(const NetworkParams& n, double bias_lo, double bias_hi,
                                  int steps) {
    const SquareTable table(reference_activation(n));
    std::vector<EdgePoint> out;
    for (int i = 0; i <= steps; ++i) {
        NetworkParams at = n;
        at.bias_scale = bias_lo + (bias_hi - bias_lo) * i / steps;
        out.push_back({*at.bias_scale, critical_scale(at, table)});
    }
    return out;
}

}  // namespace primordial::core
