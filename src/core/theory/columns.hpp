// A layer's values at many plane points, in double precision from the network's float32 weights:
// what `stats` and the detail measurement push through the network.
#pragma once

#include <array>
#include <vector>

#include "core/net/network.hpp"

namespace primordial::core {

// Values of a layer's units at n points: unit-major, v[unit * n + point].
using Columns = std::vector<double>;

// One input's value at the plane point (x, y), and its gradient there (r has none at the origin,
// its cone's tip; z, cos_t and sin_t none anywhere).
struct InputAt {
    double value = 0;
    std::array<double, 2> grad{};
};
InputAt input_at(Input in, const ViewParams& view, double x, double y);

// The inputs (x, y, r, z, cos_t, sin_t) at plane points, in the network's column order.
Columns inputs_at(const Network& net, const ViewParams& view, const std::vector<double>& xs,
                  const std::vector<double>& ys);

// h = W y + b for every one of the n points (without b when `bias` is false: a derivative); the
// units are shared out between threads, so the sums do not depend on how many there are.
Columns dense(const Layer& l, const Columns& y, std::size_t n, int threads, bool bias = true);

// f applied to every value.
Columns activated(Activation f, const Columns& h);

}  // namespace primordial::core
