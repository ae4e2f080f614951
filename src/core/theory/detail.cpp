#include "core/theory/detail.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <string>
#include <thread>

#include "core/eval/activation.hpp"
#include "core/theory/columns.hpp"

namespace primordial::core {

void DetailProfile::add(const DetailProfile& b, double weight) {
    q.resize(b.q.size(), 0.0);
    g.resize(b.g.size(), 0.0);
    for (std::size_t l = 0; l < b.q.size(); ++l) {
        q[l] += weight * b.q[l];
        g[l] += weight * b.g[l];
    }
    picture += weight * b.picture;
    picture_radial += weight * b.picture_radial;
}

namespace {

// The mean over `seeds` networks: the one measured already (`first`) and the seeds after it.
std::vector<DetailProfile> mean_over_seeds(const Params& p, const std::vector<double>& radii,
                                           int points, int seeds, int threads,
                                           std::vector<DetailProfile> first,
                                           const std::function<void(int, int)>& progress) {
    NetworkParams other = p.network;
    for (int s = 1; s < seeds; ++s) {
        if (progress) progress(s + 1, seeds);
        other.seed = p.network.seed + static_cast<std::uint64_t>(s);  // wraps, as seeds may
        const auto m = measure_detail(build_network(other), p.view, radii, points, threads);
        for (std::size_t i = 0; i < m.size(); ++i) first[i].add(m[i], 1.0);
    }
    for (DetailProfile& d : first) {
        for (double& v : d.q) v /= seeds;
        for (double& v : d.g) v /= seeds;
        d.picture /= seeds;
        d.picture_radial /= seeds;
    }
    return first;
}

}  // namespace

std::vector<DetailProfile> measure_detail(const Network& net, const ViewParams& view,
                                          const std::vector<double>& radii, int points,
                                          int threads) {
    const std::size_t k = static_cast<std::size_t>(points), n = radii.size() * k;
    std::vector<double> xs, ys;
    for (double r : radii)
        for (std::size_t i = 0; i < k; ++i) {
            const double a = 2 * std::numbers::pi * static_cast<double>(i) / points;
            xs.push_back(r * std::cos(a));
            ys.push_back(r * std::sin(a));
        }
    // Values, and their derivatives along x (the first n columns) and y (the next n).
    Columns y = inputs_at(net, view, xs, ys);
    Columns t(2 * y.size(), 0.0);
    for (std::size_t c = 0; c < net.inputs.size(); ++c)
        for (std::size_t p = 0; p < n; ++p) {
            const InputAt at = input_at(net.inputs[c], view, xs[p], ys[p]);
            t[c * 2 * n + p] = at.grad[0];
            t[c * 2 * n + n + p] = at.grad[1];
        }
    std::vector<DetailProfile> out(radii.size());
    const double per_circle = static_cast<double>(k);
    for (std::size_t l = 0; l < net.layers.size(); ++l) {
        const Layer& layer = net.layers[l];
        const Columns h = dense(layer, y, n, threads);
        Columns d = dense(layer, t, 2 * n, threads, false);
        const bool output = l + 1 == net.layers.size();
        for (std::size_t i = 0; i < radii.size(); ++i) {
            double q = 0, g = 0, picture = 0, radial = 0;
            for (int u = 0; u < layer.out; ++u)
                for (std::size_t p = i * k; p < (i + 1) * k; ++p) {
                    const std::size_t at = static_cast<std::size_t>(u) * n + p;
                    const double hv = h[at];
                    const double dx = d[2 * static_cast<std::size_t>(u) * n + p],
                                 dy = d[2 * static_cast<std::size_t>(u) * n + n + p];
                    q += hv * hv;
                    g += dx * dx + dy * dy;
                    if (output) {
                        const double s = activation_derivative(layer.activation, hv);
                        picture += s * s * (dx * dx + dy * dy);
                        const double along =
                            radii[i] > 0 ? (dx * xs[p] + dy * ys[p]) / radii[i] : 0;
                        radial += s * s * along * along;
                    }
                }
            const double count = per_circle * layer.out;
            if (output) {
                out[i].picture = picture / count;
                out[i].picture_radial = radial / count;
            } else {
                out[i].q.push_back(q / count);
                out[i].g.push_back(g / count);
            }
        }
        if (output) break;
        // Forward mode: y = f(h), its derivatives f'(h) times h's.
        for (int u = 0; u < layer.out; ++u)
            for (std::size_t p = 0; p < n; ++p) {
                const std::size_t at = static_cast<std::size_t>(u) * n + p;
                const double s = activation_derivative(layer.activation, h[at]);
                d[2 * static_cast<std::size_t>(u) * n + p] *= s;
                d[2 * static_cast<std::size_t>(u) * n + n + p] *= s;
            }
        y = activated(layer.activation, h);
        t = std::move(d);
    }
    return out;
}

void check_detail(const Params& p, const DetailOptions& o) {
    if (o.points < 1 || o.seeds < 1 || o.radii.empty())
        throw InputError("detail: needs a radius, a point on each circle and a network");
    const NetworkParams& n = p.network;
    int widest = static_cast<int>(n.inputs.size());
    double multiply_adds = 0;  // per point
    for (int l = 0; l < n.depth; ++l) {
        const auto [in, out] = layer_shape(n, l);
        widest = std::max({widest, in, out});
        multiply_adds += static_cast<double>(in) * out;
    }
    // Values, and their two derivatives, before and after each layer: six columns a point.
    const double points = static_cast<double>(o.points) * static_cast<double>(o.radii.size());
    const auto text = [](double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.4g", v);
        return std::string(buf);
    };
    if (6 * points * widest > static_cast<double>(Limits::max_stats_values))
        throw InputError("detail: " + std::to_string(o.radii.size()) + " radii x " +
                         std::to_string(o.points) + " points x " + std::to_string(widest) +
                         " units is more than " + text(Limits::max_stats_values / 6.0) +
                         " values to hold; give fewer radii or --detail-points");
    const double work = 3 * points * multiply_adds * o.seeds;
    if (work > Limits::max_detail_multiply_adds)
        throw InputError("detail: " + text(work) + " multiply-adds is more than " +
                         text(Limits::max_detail_multiply_adds) +
                         " (hours); give fewer radii, --detail-points or --detail-seeds");
    for (double r : o.radii)
        if (!(r >= 0 && r <= Limits::max_abs_center))  // a distance in the plane, as a centre is
            throw InputError("detail: a radius must be between 0 and 1e12 (got " + text(r) + ")");
}

std::vector<DetailAtRadius> network_detail(const Params& p, const DetailOptions& o) {
    validate(p);
    check_detail(p, o);
    const int threads = o.threads > 0
                            ? o.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const int seeds = p.network.set_weights.empty() ? o.seeds : 1;
    if (o.progress) o.progress(1, seeds);
    const auto measured =
        measure_detail(build_network(p.network), p.view, o.radii, o.points, threads);
    std::vector<DetailAtRadius> out;
    for (std::size_t i = 0; i < o.radii.size(); ++i) {
        const DetailProfile theory = predict_detail(p.network, p.view, o.radii[i]);
        DetailAtRadius at;
        at.r = o.radii[i];
        for (std::size_t l = 0; l < theory.q.size(); ++l)
            at.layers.push_back({static_cast<int>(l) + 1, measured[i].q[l], theory.q[l],
                                 measured[i].g[l], theory.g[l]});
        at.picture = measured[i].picture;
        at.picture_theory = theory.picture;
        at.picture_radial = measured[i].picture_radial;
        at.picture_radial_theory = theory.picture_radial;
        out.push_back(std::move(at));
    }
    if (seeds < 2) return out;
    const auto sum = mean_over_seeds(p, o.radii, o.points, seeds, threads, measured, o.progress);
    for (std::size_t i = 0; i < out.size(); ++i) {
        for (std::size_t l = 0; l < out[i].layers.size(); ++l) {
            out[i].layers[l].q_seeds = sum[i].q[l];
            out[i].layers[l].g_seeds = sum[i].g[l];
        }
        out[i].picture_seeds = sum[i].picture;
    }
    return out;
}

DetailCurves predict_curves(const Params& p, double r_max, int count) {
    validate(p);
    DetailCurves c;
    for (int i = 0; i < count; ++i) c.radii.push_back(r_max * i / std::max(count - 1, 1));
    std::vector<double> picture;
    for (double r : c.radii) {
        c.theory.push_back(predict_detail(p.network, p.view, r));
        picture.push_back(c.theory.back().picture);
    }
    c.hub = hub_radius(c.radii, picture);
    return c;
}

void measure_curves(const Params& p, DetailCurves& c, int seeds) {
    const int count = static_cast<int>(c.radii.size());
    // About 2e9 multiply-adds in all, a second or two, off the explorer's frame loop: points on
    // each circle first, then as many of the seeds as fit (a wide network gets one).
    constexpr double kBudget = 2e9;
    const Network net = build_network(p.network);
    const double per_point = 3.0 * static_cast<double>(net.multiply_adds()) * count;
    c.points = static_cast<int>(std::clamp(kBudget / per_point, 8.0, 64.0));
    c.seeds = p.network.set_weights.empty()
                  ? static_cast<int>(std::clamp(kBudget / (per_point * c.points), 1.0,
                                                static_cast<double>(seeds)))
                  : 1;
    const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    c.measured = measure_detail(net, p.view, c.radii, c.points, threads);
    if (c.seeds > 1)
        c.seeds_mean = mean_over_seeds(p, c.radii, c.points, c.seeds, threads, c.measured, nullptr);
}

double farthest_radius(const ViewParams& v) {
    return std::hypot(std::abs(v.center_x) + v.extent, std::abs(v.center_y) + v.extent);
}

std::optional<double> hub_radius(const std::vector<double>& radii,
                                 const std::vector<double>& detail) {
    if (radii.size() != detail.size() || radii.empty()) return std::nullopt;
    const std::size_t peak =
        static_cast<std::size_t>(std::max_element(detail.begin(), detail.end()) - detail.begin());
    if (!(detail[peak] > 0) || !std::isfinite(detail[peak])) return std::nullopt;  // no detail
    const double half = detail[peak] / 2;
    for (std::size_t i = peak + 1; i < radii.size(); ++i)
        if (detail[i] <= half) {  // between the two radii, linearly
            const double t = (detail[i - 1] - half) / (detail[i - 1] - detail[i]);
            return radii[i - 1] + t * (radii[i] - radii[i - 1]);
        }
    return std::nullopt;
}

}  // namespace primordial::core
