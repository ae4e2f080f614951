#include "share/caption.hpp"

#include <sstream>

namespace primordial::share {
namespace {
template <class T, class F>
std::string list(const std::vector<T>& v, F name) {
    std::string s;
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i) s += ',';
        s += name(v[i]);
    }
    return s;
}
}  // namespace

std::string caption(const core::Params& p) {
    const core::NetworkParams& n = p.network;
    std::ostringstream s;
    s << "depth " << n.depth;
    if (n.depth > 1) {
        s << " · width " << list(n.widths, [](int w) { return std::to_string(w); }) << " · "
          << list(n.activations,
                  [](core::Activation a) { return std::string(core::to_string(a)); });
    }
    s << " · " << core::to_string(n.distribution) << ' ' << core::to_string(n.init) << ' '
      << n.scale << " · seed " << n.seed;
    if (!n.set_weights.empty()) s << " · hand-set weights";
    return s.str();
}

}  // namespace primordial::share
