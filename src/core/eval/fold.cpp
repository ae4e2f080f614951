#include "core/eval/fold.hpp"

#include <cmath>

namespace primordial::core {

FoldedInput fold_first_layer(const Network& net, const ViewParams& view) {
    const Layer& first = net.layers.front();
    FoldedInput f;
    f.center_x = static_cast<float>(view.center_x);
    f.center_y = static_cast<float>(view.center_y);
    std::vector<int> varying;
    const auto constant = [](Input i) {
        return i == Input::z || i == Input::cos_t || i == Input::sin_t;
    };
    // One turn of t is 2*pi radians; cos and sin in double, like the rest of the fold.
    const double angle = 2 * 3.14159265358979323846 * view.t;
    for (int k = 0; k < first.in; ++k)
        if (!constant(net.inputs[k])) {
            f.columns.push_back(net.inputs[k]);
            varying.push_back(k);
        }
    f.bias.resize(first.out);
    f.weights.reserve(static_cast<std::size_t>(first.out) * varying.size());
    for (int j = 0; j < first.out; ++j) {
        double b = first.biases[j];
        for (int k = 0; k < first.in; ++k) {
            const double w = first.w(j, k);
            switch (net.inputs[k]) {
                case Input::x:
                    b += w * view.center_x;
                    break;
                case Input::y:
                    b += w * view.center_y;
                    break;
                case Input::z:
                    b += w * view.z;
                    break;
                case Input::cos_t:
                    b += w * std::cos(angle);
                    break;
                case Input::sin_t:
                    b += w * std::sin(angle);
                    break;
                case Input::r:
                    break;
            }
        }
        f.bias[j] = static_cast<float>(b);
        for (int k : varying) f.weights.push_back(first.w(j, k));
    }
    return f;
}

}  // namespace primordial::core
