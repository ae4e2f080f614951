// The detail theory (detail.hpp): the first layer over its weights' own law, later layers
// jointly Gaussian with their gradients, the picture through the output activation.
#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include "core/eval/activation.hpp"
#include "core/theory/columns.hpp"
#include "core/theory/detail.hpp"
#include "core/theory/mean_field.hpp"

namespace primordial::core {
namespace {

// The joint law of a unit's pre-activation h and its gradient at one point, to second order:
// q = E[h^2], v = E[h grad h] (= grad q / 2), G = E[grad h grad h^T] (xx, xy, yy).
struct Field {
    double q = 0;
    std::array<double, 2> v{};
    std::array<double, 3> G{};
    double g() const { return G[0] + G[2]; }
};

// Below this q a unit is constant: no direction for h to lean in.
constexpr double kTinyQ = 1e-300;

// One Gaussian layer: the next pre-activations' field from this one's, through f and the next
// layer's sigma_w^2, sigma_b^2. grad h = (v / q) h + e with e independent of h, so
// E[f'^2 grad h grad h^T] = E[f'^2 h^2] v v^T / q^2 + E[f'^2] (G - v v^T / q): the part along
// grad q (the radial part, where q changes) sees E[f'^2 h^2], the rest E[f'^2].
Field gaussian_step(const Field& in, Activation f, double sw2, double sb2) {
    const SlopeMoments m = slope_moments(f, in.q);
    Field out;
    out.q = sw2 * m.square + sb2;
    if (!(in.q > kTinyQ)) {
        for (std::size_t k = 0; k < 3; ++k) out.G[k] = sw2 * m.slope * in.G[k];
        return out;
    }
    const double along = (m.slope_h2 / in.q - m.slope) / in.q;  // q * q would underflow
    for (std::size_t k = 0; k < 2; ++k) out.v[k] = sw2 * m.cross / in.q * in.v[k];
    const std::array<double, 3> vv{in.v[0] * in.v[0], in.v[0] * in.v[1], in.v[1] * in.v[1]};
    for (std::size_t k = 0; k < 3; ++k) out.G[k] = sw2 * (m.slope * in.G[k] + along * vv[k]);
    return out;
}

// e G e for the unit vector e along (x, y): the radial part of a gradient's covariance.
double radial_part(const std::array<double, 3>& G, double x, double y) {
    const double r2 = x * x + y * y;
    return r2 > 0 ? (x * x * G[0] + 2 * x * y * G[1] + y * y * G[2]) / r2 : 0.0;
}

// The first layer's inputs at one point: each one's value and gradient.
std::vector<InputAt> inputs_at_point(const std::vector<Input>& inputs, const ViewParams& view,
                                     double x, double y) {
    std::vector<InputAt> out;
    for (Input in : inputs) out.push_back(input_at(in, view, x, y));
    return out;
}

// A random variable as quadrature nodes and their masses (summing to 1).
struct Nodes {
    std::vector<double> at, mass;
};

// Gauss-Legendre on [-1, 1] with n nodes (Newton on the Legendre polynomial), masses summing to 1.
Nodes gauss_legendre(int n) {
    Nodes out;
    for (int i = 1; i <= n; ++i) {
        double x = std::cos(std::numbers::pi * (i - 0.25) / (n + 0.5)), dp = 1;
        for (int it = 0; it < 100; ++it) {
            double p0 = 1, p1 = x;
            for (int k = 2; k <= n; ++k) {
                const double p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            dp = n * (x * p1 - p0) / (x * x - 1);
            const double step = p1 / dp;
            x -= step;
            if (std::abs(step) < 1e-16) break;
        }
        out.at.push_back(x);
        out.mass.push_back(1.0 / ((1 - x * x) * dp * dp));  // 2 / (...), halved: masses sum to 1
    }
    return out;
}

// A weight of the sampler's law: uniform on [-spread, spread], or normal with sigma = spread
// (Gauss-Legendre over +-8 sigma, weighted by the density).
Nodes weight_law(Distribution d, double spread, int n) {
    Nodes g = gauss_legendre(d == Distribution::normal ? 2 * n : n);
    if (d == Distribution::uniform) {
        for (double& a : g.at) a *= spread;
        return g;
    }
    double total = 0;
    for (std::size_t i = 0; i < g.at.size(); ++i) {
        const double z = 8 * g.at[i];
        g.at[i] = z * spread;
        g.mass[i] *= std::exp(-0.5 * z * z);
        total += g.mass[i];
    }
    for (double& m : g.mass) m /= total;
    return g;
}

// The same law's nodes crowded round `centre`, where the unit's input crosses 0 when this weight
// is multiplied by an input of size `scale`: panels 1/scale wide there, doubling outwards, six
// Gauss-Legendre nodes each. A unit's slope, 1/scale wide in this weight, is resolved however
// far out the point is; the centre is a panel's edge, so relu's kink is exact.
Nodes law_around(Distribution d, double spread, double centre, double scale, const Nodes& six) {
    const bool normal = d == Distribution::normal;
    const double edge = normal ? 6 * spread : spread;
    std::vector<double> cuts{-edge, edge};
    if (normal)
        for (int k = -5; k <= 5; ++k) cuts.push_back(k * spread);  // the density's own bends
    if (centre > -edge && centre < edge) cuts.push_back(centre);
    for (double step = 0.5 / scale; step < 2 * edge; step *= 2)
        for (double at : {centre - step, centre + step})
            if (at > -edge && at < edge) cuts.push_back(at);
    std::sort(cuts.begin(), cuts.end());
    Nodes out;
    const double norm = normal ? 1 / (spread * std::sqrt(2 * std::numbers::pi)) : 0.5 / spread;
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const double mid = (cuts[i] + cuts[i + 1]) / 2, half = (cuts[i + 1] - cuts[i]) / 2;
        if (!(half > 0)) continue;
        for (std::size_t k = 0; k < six.at.size(); ++k) {
            const double w = mid + half * six.at[k];
            const double density =
                normal ? norm * std::exp(-0.5 * (w / spread) * (w / spread)) : norm;
            out.at.push_back(w);
            out.mass.push_back(six.mass[k] * 2 * half * density);
        }
    }
    return out;
}

// The law of a + b for independent a, b; kept to at most kBins nodes, each bin's mass at its
// mean (the sum of many constants' weights only shifts the pre-activation).
Nodes sum_law(const Nodes& a, const Nodes& b) {
    constexpr std::size_t kBins = 96;
    Nodes all;
    for (std::size_t i = 0; i < a.at.size(); ++i)
        for (std::size_t j = 0; j < b.at.size(); ++j) {
            all.at.push_back(a.at[i] + b.at[j]);
            all.mass.push_back(a.mass[i] * b.mass[j]);
        }
    if (all.at.size() <= kBins) return all;
    const auto [lo, hi] = std::minmax_element(all.at.begin(), all.at.end());
    const double low = *lo, span = std::max(*hi - *lo, 1e-300);
    Nodes out;
    std::vector<double> sum(kBins, 0), mass(kBins, 0);
    for (std::size_t i = 0; i < all.at.size(); ++i) {
        const auto bin = std::min(kBins - 1, static_cast<std::size_t>((all.at[i] - low) / span *
                                                                      static_cast<double>(kBins)));
        sum[bin] += all.at[i] * all.mass[i];
        mass[bin] += all.mass[i];
    }
    for (std::size_t k = 0; k < kBins; ++k)
        if (mass[k] > 0) {
            out.at.push_back(sum[k] / mass[k]);
            out.mass.push_back(mass[k]);
        }
    return out;
}

// E over the first layer's units of f(h)^2, f(h) f'(h) grad h and f'(h)^2 grad h grad h^T at one
// point: the next layer's field up to its sigma_w^2 (q without the bias). h = w . u + b is not
// Gaussian (a few uniform weights), so the expectation runs over the weights' own law: Gauss
// nodes for each weight whose input moves with x, one combined law for the constant rest.
struct FirstMoments {
    double square = 0;
    std::array<double, 2> cross{};
    std::array<double, 3> slope{};
    Field own;  // the layer's own field, E[h^2], E[h grad h], E[grad h grad h^T]
    void add(Activation f, double h, std::array<double, 2> grad, double mass) {
        own.q += mass * h * h;
        for (std::size_t k = 0; k < 2; ++k) own.v[k] += mass * h * grad[k];
        own.G[0] += mass * grad[0] * grad[0];
        own.G[1] += mass * grad[0] * grad[1];
        own.G[2] += mass * grad[1] * grad[1];
        const double v = activation_reference(f, h), d = activation_derivative(f, h);
        square += mass * v * v;
        for (std::size_t k = 0; k < 2; ++k) cross[k] += mass * v * d * grad[k];
        slope[0] += mass * d * d * grad[0] * grad[0];
        slope[1] += mass * d * d * grad[0] * grad[1];
        slope[2] += mass * d * d * grad[1] * grad[1];
    }
};

constexpr int kWeightNodes = 20;

// A weight moves h by less than this over its range: Gauss nodes over the range resolve it.
constexpr double kGentle = 2;

FirstMoments seeded_first_moments(const LayerVariances& var, Distribution d,
                                  const std::vector<InputAt>& in, Activation f) {
    const Nodes w = weight_law(d, var.weight_spread, kWeightNodes);
    Nodes still{{0.0}, {1.0}};  // the constant inputs' weighted sum plus the bias
    std::vector<const InputAt*> moving;
    for (const InputAt& i : in) {
        if (i.grad[0] != 0 || i.grad[1] != 0) {
            moving.push_back(&i);
        } else if (i.value != 0) {
            Nodes scaled = w;
            for (double& a : scaled.at) a *= i.value;
            still = sum_law(still, scaled);
        }
    }
    if (var.bias_spread > 0) still = sum_law(still, weight_law(d, var.bias_spread, kWeightNodes));
    // The moving input of largest value is the fast one: far out its weight turns the unit on
    // and off within a sliver of its range, so its nodes crowd round that sliver, placed anew for
    // each value of the rest.
    const InputAt* fast = nullptr;
    for (const InputAt* i : moving)
        if (std::abs(i->value) * var.weight_spread > kGentle &&
            (!fast || std::abs(i->value) > std::abs(fast->value)))
            fast = i;
    if (fast) std::erase(moving, fast);
    const Nodes six = gauss_legendre(6);
    FirstMoments m;
    // Every combination of the other moving weights' nodes, as an odometer (no recursion).
    std::vector<std::size_t> digit(moving.size(), 0);
    const std::size_t n = w.at.size();
    while (true) {
        double lean = 0, mass = 1;
        std::array<double, 2> grad{};
        for (std::size_t k = 0; k < moving.size(); ++k) {
            const double wk = w.at[digit[k]];
            lean += wk * moving[k]->value;
            grad[0] += wk * moving[k]->grad[0];
            grad[1] += wk * moving[k]->grad[1];
            mass *= w.mass[digit[k]];
        }
        for (std::size_t c = 0; c < still.at.size(); ++c) {
            const double rest = lean + still.at[c], here = mass * still.mass[c];
            if (!fast) {
                m.add(f, rest, grad, here);
                continue;
            }
            const Nodes around =
                law_around(d, var.weight_spread, -rest / fast->value, std::abs(fast->value), six);
            for (std::size_t j = 0; j < around.at.size(); ++j) {
                const double wf = around.at[j];
                m.add(f, rest + wf * fast->value,
                      {grad[0] + wf * fast->grad[0], grad[1] + wf * fast->grad[1]},
                      here * around.mass[j]);
            }
        }
        std::size_t k = 0;
        while (k < digit.size() && ++digit[k] == n) digit[k++] = 0;
        if (k == digit.size()) break;
    }
    return m;
}

// Hand-set weights: the expectation over the layer's own units.
FirstMoments set_first_moments(const LayerValues& lv, const std::vector<InputAt>& in,
                               Activation f) {
    FirstMoments m;
    const std::size_t units = lv.biases.size(), fan_in = in.size();
    for (std::size_t j = 0; j < units; ++j) {
        double h = lv.biases[j];
        std::array<double, 2> grad{};
        for (std::size_t c = 0; c < fan_in; ++c) {
            const double w = lv.weights[j * fan_in + c];
            h += w * in[c].value;
            grad[0] += w * in[c].grad[0];
            grad[1] += w * in[c].grad[1];
        }
        m.add(f, h, grad, 1.0 / static_cast<double>(units));
    }
    return m;
}

// The first layer's own field, from its weights' variances (hand-set: the mean over its units).
Field first_field(const NetworkParams& n, const LayerVariances& var,
                  const std::vector<InputAt>& in) {
    if (!n.set_weights.empty())
        return set_first_moments(n.set_weights.front(), in, Activation::identity).own;
    Field out;
    for (const InputAt& i : in) {
        const double w2 = var.weight_variance;
        out.q += w2 * i.value * i.value;
        for (std::size_t k = 0; k < 2; ++k) out.v[k] += w2 * i.value * i.grad[k];
        out.G[0] += w2 * i.grad[0] * i.grad[0];
        out.G[1] += w2 * i.grad[0] * i.grad[1];
        out.G[2] += w2 * i.grad[1] * i.grad[1];
    }
    out.q += var.sigma_b2;
    return out;
}

FirstMoments first_moments(const NetworkParams& n, const LayerVariances& var,
                           const std::vector<InputAt>& in, Activation f) {
    return n.set_weights.empty() ? seeded_first_moments(var, n.distribution, in, f)
                                 : set_first_moments(n.set_weights.front(), in, f);
}

// The theory at one point of the plane.
DetailProfile predict_at(const NetworkParams& n, const ViewParams& view, double x, double y) {
    const std::vector<InputAt> in = inputs_at_point(n.inputs, view, x, y);
    const LayerVariances first = layer_variances(n, 0);
    DetailProfile out;
    if (n.depth == 1) {  // the picture straight from the inputs
        const FirstMoments m = first_moments(n, first, in, n.output_activation);
        out.picture = m.slope[0] + m.slope[2];
        out.picture_radial = radial_part(m.slope, x, y);
        return out;
    }
    Field field = first_field(n, first, in);
    out.q.push_back(field.q);
    out.g.push_back(field.g());
    for (int l = 1; l < n.depth; ++l) {
        const LayerVariances var = layer_variances(n, l);
        if (l == 1) {
            const FirstMoments m = first_moments(n, first, in, n.activation_of(0));
            field.q = var.sigma_w2 * m.square + var.sigma_b2;
            for (std::size_t k = 0; k < 2; ++k) field.v[k] = var.sigma_w2 * m.cross[k];
            for (std::size_t k = 0; k < 3; ++k) field.G[k] = var.sigma_w2 * m.slope[k];
        } else {
            field = gaussian_step(field, n.activation_of(l - 1), var.sigma_w2, var.sigma_b2);
        }
        if (l + 1 < n.depth) {
            out.q.push_back(field.q);
            out.g.push_back(field.g());
        }
    }
    const Field picture = gaussian_step(field, n.output_activation, 1, 0);
    out.picture = picture.g();
    out.picture_radial = radial_part(picture.G, x, y);
    return out;
}

}  // namespace

DetailProfile predict_detail(const NetworkParams& n, const ViewParams& view, double r) {
    // With x and y both inputs, seeded weights look alike under the square's turns and mirrors
    // (swap x and y, negate either), so angles across [0, pi/4] stand for the whole circle. One of
    // them alone, or hand-set weights, have no such symmetry: the whole circle.
    const auto has = [&](Input i) { return std::ranges::find(n.inputs, i) != n.inputs.end(); };
    const bool square = n.set_weights.empty() && has(Input::x) && has(Input::y);
    const int angles = r == 0 ? 1 : (square ? 4 : 32);
    const double arc = square ? std::numbers::pi / 4 : 2 * std::numbers::pi;
    DetailProfile mean;
    for (int k = 0; k < angles; ++k) {
        const double a = arc * (k + 0.5) / angles;
        mean.add(predict_at(n, view, r * std::cos(a), r * std::sin(a)), 1.0 / angles);
    }
    return mean;
}

}  // namespace primordial::core
