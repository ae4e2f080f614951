#include "core/theory/stats.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <numbers>
#include <thread>

#include "core/eval/activation.hpp"
#include "core/net/network.hpp"
#include "core/theory/columns.hpp"
#include "core/theory/regions.hpp"

namespace primordial::core {
namespace {

// Length of the closed polygon through the points' values (a layer's image of the circle).
double closed_length(const Columns& v, int units, std::size_t n) {
    double length = 0;
    for (std::size_t p = 0; p < n; ++p) {
        const std::size_t next = (p + 1) % n;
        double d2 = 0;
        for (int u = 0; u < units; ++u) {
            const double d =
                v[static_cast<std::size_t>(u) * n + next] - v[static_cast<std::size_t>(u) * n + p];
            d2 += d * d;
        }
        length += std::sqrt(d2);
    }
    return length;
}

bool relu_like(Activation a) {
    return a == Activation::relu || a == Activation::leaky_relu;
}

nlohmann::ordered_json optional_number(const std::optional<double>& v) {
    return v && std::isfinite(*v) ? nlohmann::ordered_json(*v) : nlohmann::ordered_json(nullptr);
}

std::string num(const std::optional<double>& v, const char* format = "%.6g") {
    if (!v) return "-";
    char buf[32];
    std::snprintf(buf, sizeof buf, format, *v);
    return buf;
}

}  // namespace

std::string verdict_note(const NetworkStats& s) {
    if (s.phase != Phase::chaotic || s.layers.empty()) return "";
    const double travel = s.layers.back().trajectory_length;
    if (!(travel < kSmoothColourTravel)) return "";
    char buf[512];
    std::snprintf(buf, sizeof buf,
                  "Chaotic, yet smooth here: chaos means two nearby points drift apart a little "
                  "more at every layer, so detail keeps growing with depth and with distance. "
                  "Round this view the colour travels only %.2g, less than one gradient from "
                  "black to white and back (3.5): too few layers, or too close a zoom, for the "
                  "drift to show. Zoom out or add layers and the detail appears.",
                  travel);
    return buf;
}

std::string regions_unavailable(const NetworkParams& n) {
    if (n.depth < 2) return "linear regions need a hidden layer (depth 2 or more)";
    for (int l = 0; l + 1 < n.depth; ++l)
        if (!relu_like(n.activation_of(l)))
            return "linear regions are counted for relu and leaky_relu hidden layers only";
    return "";
}

namespace {

// Refuses sample sets whose values would not fit in memory, before anything is allocated.
void check_sample_budget(const Params& p, const StatsOptions& o) {
    if (o.width < 1 || o.height < 1 || o.circle_points < 3)
        throw InputError("stats: needs a size of at least 1x1 and 3 points on the circle");
    int widest = static_cast<int>(p.network.inputs.size());
    for (int l = 0; l + 1 < p.network.depth; ++l) widest = std::max(widest, p.network.width_of(l));
    const std::int64_t points = std::int64_t{o.width} * o.height + o.circle_points;
    if (points * widest > Limits::max_stats_values)
        throw InputError("stats: " + std::to_string(points) + " sample points x " +
                         std::to_string(widest) + " units is more than " +
                         std::to_string(Limits::max_stats_values) +
                         " values to hold; give a smaller --size or --circle-points");
}

// Plane points: pixel centres of the view at width x height, and the circle round its centre.
struct SamplePoints {
    std::vector<double> xs, ys, cx, cy;
};
SamplePoints sample_points(const ViewParams& v, const StatsOptions& o) {
    SamplePoints s;
    const double step = 2 * v.extent / std::min(o.width, o.height);
    for (int j = 0; j < o.height; ++j)
        for (int i = 0; i < o.width; ++i) {
            s.xs.push_back(v.center_x + (i + 0.5 - o.width / 2.0) * step);
            s.ys.push_back(v.center_y + (o.height / 2.0 - j - 0.5) * step);
        }
    for (int k = 0; k < o.circle_points; ++k) {
        const double a = 2 * std::numbers::pi * k / o.circle_points;
        s.cx.push_back(v.center_x + v.extent * std::cos(a));
        s.cy.push_back(v.center_y + v.extent * std::sin(a));
    }
    return s;
}

// The theory's q at each sample point, layer by layer through the length map: the first layer's
// from |x|^2, each next from the one before.
class PointLengths {
public:
    // |x|^2 at each of the n points, from the inputs' columns.
    PointLengths(const Columns& inputs, std::size_t columns, std::size_t n) : q_(n, 0.0) {
        for (std::size_t c = 0; c < columns; ++c)
            for (std::size_t p = 0; p < n; ++p) q_[p] += inputs[c * n + p] * inputs[c * n + p];
    }

    // Advances to layer `l` (0 first, in order) of `net`; returns the mean q over the points.
    double advance(const Network& net, const NetworkParams& np, int l) {
        const LayerVariances var = layer_variances(np, l);
        if (l == 0) {
            for (double& q : q_) q = var.weight_variance * q + var.sigma_b2;  // q_ held |x|^2
        } else {
            const Activation before = net.layers[static_cast<std::size_t>(l - 1)].activation;
            if (tables_.empty() || previous_ != before) tables_.emplace_back(previous_ = before);
            for (double& q : q_) q = var.sigma_w2 * tables_.back()(q) + var.sigma_b2;
        }
        double sum = 0;
        for (double q : q_) sum += q;
        return sum / static_cast<double>(q_.size());
    }

private:
    std::vector<double> q_;
    std::vector<SquareTable> tables_;  // per incoming activation, built as needed
    Activation previous_ = Activation::identity;
};

// The share of (unit, point) pairs where a unit is saturated (slope below 0.1), and of units
// saturated at every point.
void saturation(LayerStats& ls, const Layer& layer, const Columns& h, std::size_t n) {
    long long saturated = 0;
    int dead = 0;
    for (int u = 0; u < layer.out; ++u) {
        int here = 0;
        for (std::size_t p = 0; p < n; ++p)
            here += std::abs(activation_derivative(layer.activation,
                                                   h[static_cast<std::size_t>(u) * n + p])) < 0.1;
        saturated += here;
        dead += here == static_cast<int>(n);
    }
    ls.saturated = static_cast<double>(saturated) / static_cast<double>(h.size());
    ls.dead = static_cast<double>(dead) / layer.out;
}

// Each point's activation pattern, a hidden layer at a time, then their exact count.
class PointPatterns {
public:
    PointPatterns(const NetworkParams& np, std::size_t n) : counter_(hidden_units(np)), n_(n) {
        bits_.assign(n * counter_.words(), 0);
    }
    void add_layer(const Layer& layer, const Columns& h) {
        const std::size_t words = counter_.words();
        for (int u = 0; u < layer.out; ++u, ++bit_)
            for (std::size_t p = 0; p < n_; ++p)
                if (h[static_cast<std::size_t>(u) * n_ + p] > 0)
                    bits_[p * words + bit_ / 64] |= std::uint64_t{1} << (bit_ % 64);
    }
    long long count() {
        for (std::size_t p = 0; p < n_; ++p) counter_.id_of(bits_.data() + p * counter_.words());
        return counter_.count();
    }

private:
    static int hidden_units(const NetworkParams& np) {
        int u = 0;
        for (int l = 0; l + 1 < np.depth; ++l) u += np.width_of(l);
        return u;
    }
    RegionCounter counter_;
    std::size_t n_, bit_ = 0;
    std::vector<std::uint64_t> bits_;
};

}  // namespace

NetworkStats network_stats(const Params& p, const StatsOptions& o) {
    validate(p);
    check_sample_budget(p, o);
    if (o.detail) check_detail(p, *o.detail);
    const Network net = build_network(p.network);
    const NetworkParams& np = p.network;
    const int threads = o.threads > 0
                            ? o.threads
                            : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const SamplePoints points = sample_points(p.view, o);
    const std::size_t n = points.xs.size(), k = points.cx.size();

    NetworkStats s;
    s.samples = static_cast<int>(n);
    s.circle_points = static_cast<int>(k);
    Columns y = inputs_at(net, p.view, points.xs, points.ys);
    Columns circle = inputs_at(net, p.view, points.cx, points.cy);
    s.input_trajectory_length = closed_length(circle, static_cast<int>(net.inputs.size()), k);
    PointLengths lengths(y, net.inputs.size(), n);
    const bool regions = regions_unavailable(np).empty();
    std::optional<PointPatterns> patterns;
    if (regions) patterns.emplace(np, n);

    const int steps = np.depth + (regions ? 1 : 0) + (o.detail ? 1 : 0);
    const auto announce = [&](int step, const std::string& what) {
        if (o.progress) o.progress(step, steps, what);
    };
    for (int l = 0; l < np.depth; ++l) {
        announce(l + 1, "layer " + std::to_string(l + 1));
        const Layer& layer = net.layers[static_cast<std::size_t>(l)];
        const LayerVariances var = layer_variances(np, l);
        LayerStats ls;
        ls.layer = l + 1;
        ls.activation = layer.activation;
        ls.width = layer.out;
        ls.sigma_w2 = var.sigma_w2;
        ls.sigma_b2 = var.sigma_b2;
        const Columns h = dense(layer, y, n, threads);
        double sum = 0;
        for (double x : h) sum += x * x;
        ls.q = sum / static_cast<double>(h.size());
        ls.q_theory = lengths.advance(net, np, l);
        saturation(ls, layer, h, n);
        if (patterns && l + 1 < np.depth) patterns->add_layer(layer, h);
        y = activated(layer.activation, h);
        circle = activated(layer.activation, dense(layer, circle, k, threads));
        ls.trajectory_length = closed_length(circle, layer.out, k);
        s.layers.push_back(ls);
    }
    if (patterns) {
        announce(np.depth + 1, "counting the linear regions");
        s.regions = patterns->count();
    }
    if (o.detail) {
        DetailOptions d = *o.detail;
        d.threads = threads;
        d.progress = [&](int network, int networks) {
            announce(steps, networks > 1 ? "detail, network " + std::to_string(network) + " of " +
                                               std::to_string(networks)
                                         : "detail by radius");
        };
        s.detail = network_detail(p, d);
    }
    if (const auto fp = network_fixed_point(np, nullptr)) {
        s.chi1 = fp->chi1;
        s.q_star = fp->q_star;
        s.phase = phase_of(fp->chi1);
    }
    s.critical_scale = critical_scale(np);
    return s;
}

namespace {

nlohmann::ordered_json detail_json(const std::vector<DetailAtRadius>& detail) {
    using nlohmann::ordered_json;
    ordered_json out = ordered_json::array();
    for (const DetailAtRadius& d : detail) {
        ordered_json layers = ordered_json::array();
        for (const DetailLayer& l : d.layers) {
            ordered_json layer = {{"layer", l.layer},
                                  {"q", optional_number(l.q)},
                                  {"q_theory", optional_number(l.q_theory)},
                                  {"g", optional_number(l.g)},
                                  {"g_theory", optional_number(l.g_theory)}};
            if (l.q_seeds) layer["q_seeds_mean"] = optional_number(l.q_seeds);
            if (l.g_seeds) layer["g_seeds_mean"] = optional_number(l.g_seeds);
            layers.push_back(layer);
        }
        ordered_json picture = {{"measured", optional_number(d.picture)},
                                {"theory", optional_number(d.picture_theory)},
                                {"radial_measured", optional_number(d.picture_radial)},
                                {"radial_theory", optional_number(d.picture_radial_theory)}};
        if (d.picture_seeds) picture["seeds_mean"] = optional_number(d.picture_seeds);
        out.push_back({{"r", d.r}, {"layers", layers}, {"picture", picture}});
    }
    return out;
}

// "+1.2%": how far `theory` is from `measured`, or "-" where that is no number (nothing measured).
std::string off(double theory, double measured) {
    const double v = 100 * (theory / measured - 1);
    char buf[32];
    std::snprintf(buf, sizeof buf, std::isfinite(v) ? "%+.1f%%" : "-", v);
    return buf;
}

// The detail by radius for people: per radius, each hidden layer's q and g beside the theory.
std::string detail_table(const std::vector<DetailAtRadius>& detail) {
    std::string out =
        "\ndetail by radius r = |x|: q = E[h^2], g = E|grad h|^2, measured and "
        "theory; the picture's detail E|grad f|^2 per channel\n";
    char line[256];
    std::snprintf(line, sizeof line, "%8s  %5s  %11s %11s  %11s %11s %7s\n", "r", "layer", "q",
                  "q theory", "g", "g theory", "g off");
    out += line;
    const auto seeds = [](const std::optional<double>& mean, double theory) {
        if (!mean) return std::string();
        char buf[96];
        std::snprintf(buf, sizeof buf, "  (mean over seeds %.5g, %s)", *mean,
                      off(theory, *mean).c_str());
        return std::string(buf);
    };
    for (const DetailAtRadius& d : detail) {
        for (const DetailLayer& l : d.layers) {
            std::snprintf(line, sizeof line, "%8.4g  %5d  %11.5g %11.5g  %11.5g %11.5g %7s", d.r,
                          l.layer, l.q, l.q_theory, l.g, l.g_theory, off(l.g_theory, l.g).c_str());
            out += line;
            out += seeds(l.g_seeds, l.g_theory) + "\n";
        }
        std::snprintf(line, sizeof line, "%8.4g  %5s  %11s %11s  %11.5g %11.5g %7s", d.r, "pic", "",
                      "", d.picture, d.picture_theory, off(d.picture_theory, d.picture).c_str());
        out += line;
        out += seeds(d.picture_seeds, d.picture_theory) + "\n";
    }
    return out;
}

}  // namespace

std::string stats_to_json(const NetworkStats& s) {
    using nlohmann::ordered_json;
    ordered_json j;
    j["format"] = "primordial-stats/1";
    ordered_json sw = ordered_json::array(), sb = ordered_json::array(),
                 layers = ordered_json::array();
    for (const LayerStats& l : s.layers) {
        sw.push_back(l.sigma_w2);
        sb.push_back(l.sigma_b2);
        layers.push_back({{"layer", l.layer},
                          {"activation", std::string(to_string(l.activation))},
                          {"width", l.width},
                          {"q", l.q},
                          {"q_theory", l.q_theory},
                          {"trajectory_length", l.trajectory_length},
                          {"saturated", l.saturated},
                          {"dead", l.dead}});
    }
    j["sigma_w2"] = sw;
    j["sigma_b2"] = sb;
    j["chi1"] = optional_number(s.chi1);
    j["q_star"] = optional_number(s.q_star);
    j["phase"] = s.phase ? ordered_json(std::string(to_string(*s.phase))) : ordered_json(nullptr);
    j["critical_scale"] = optional_number(s.critical_scale);
    j["regions"] = s.regions ? ordered_json(*s.regions) : ordered_json(nullptr);
    j["samples"] = s.samples;
    j["circle_points"] = s.circle_points;
    j["input_trajectory_length"] = s.input_trajectory_length;
    j["layers"] = layers;
    if (!s.detail.empty()) j["detail"] = detail_json(s.detail);
    return j.dump(2) + "\n";
}

std::string stats_to_table(const NetworkStats& s) {
    std::string out;
    char line[256];
    std::snprintf(line, sizeof line, "phase %s, chi1 %s, q* %s, critical weight scale %s",
                  s.phase ? std::string(to_string(*s.phase)).c_str() : "-",
                  num(s.chi1, "%.4g").c_str(),
                  s.q_star ? num(s.q_star, "%.4g").c_str() : (s.chi1 ? "unbounded" : "-"),
                  num(s.critical_scale, "%.4g").c_str());
    out += line;
    if (s.regions) out += ", " + std::to_string(*s.regions) + " linear regions";
    std::snprintf(line, sizeof line, "\n%d sample points, %d on the circle (input length %.4g)\n\n",
                  s.samples, s.circle_points, s.input_trajectory_length);
    out += line;
    std::snprintf(line, sizeof line, "%5s  %-10s %5s  %9s %9s  %11s %11s  %11s  %9s %6s\n", "layer",
                  "activation", "width", "sigma_w2", "sigma_b2", "q", "q theory", "trajectory",
                  "saturated", "dead");
    out += line;
    for (const LayerStats& l : s.layers) {
        std::snprintf(line, sizeof line,
                      "%5d  %-10s %5d  %9.4g %9.4g  %11.5g %11.5g  %11.5g  %8.1f%% %5.1f%%\n",
                      l.layer, std::string(to_string(l.activation)).c_str(), l.width, l.sigma_w2,
                      l.sigma_b2, l.q, l.q_theory, l.trajectory_length, 100 * l.saturated,
                      100 * l.dead);
        out += line;
    }
    if (!s.detail.empty()) out += detail_table(s.detail);
    return out;
}

std::string stats_to_csv(const NetworkStats& s) {
    std::string out =
        "layer,activation,width,sigma_w2,sigma_b2,q,q_theory,trajectory_length,saturated,dead\n";
    char line[320];
    for (const LayerStats& l : s.layers) {
        std::snprintf(line, sizeof line, "%d,%s,%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g\n",
                      l.layer, std::string(to_string(l.activation)).c_str(), l.width, l.sigma_w2,
                      l.sigma_b2, l.q, l.q_theory, l.trajectory_length, l.saturated, l.dead);
        out += line;
    }
    return out;
}

}  // namespace primordial::core
