// A layer's values at many plane points, in double precision from the network's float32 weights:
// what `stats` and the detail measurement push through the network.
#pragma once

#include <vector>

#include "core/net/network.hpp"

namespace primordial::core {

// Values of a layer's units at n points: unit-major, v[unit * n + point].
using Columns = std::vector<double>;

// The inputs (x, y, r, z, cos_t, sin_t) at plane points, in the network's column order.
Columns inputs_at(const Network& net, const ViewParams& view, const std::vector<double>& xs,
                  const std::vector<double>& ys);

// h = W y + b for every one of the n points (without b when `bias` is false: a derivative); the
// points are shared out between threads.
Columns dense(const Layer& l, const Columns& y, std::size_t n, int threads, bool bias = true);

// f applied to every value.
Columns activated(Activation f, const Columns& h);

}  // namespace primordial::core
