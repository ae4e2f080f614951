#include "core/eval/evaluate.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <thread>

#include "core/eval/activation.hpp"
#include "core/eval/dense_kernels.hpp"

namespace primordial::core {
namespace {

int hardware_threads(int requested) {
    if (requested > 0) return requested;
    return std::max(1u, std::thread::hardware_concurrency());
}

}  // namespace

struct Evaluator::Scratch {
    std::vector<float> inputs, a, b;
    explicit Scratch(int max_width, int columns)
        : inputs(static_cast<std::size_t>(std::max(columns, 1)) * kBlock),
          a(static_cast<std::size_t>(max_width) * kBlock),
          b(static_cast<std::size_t>(max_width) * kBlock) {}
};

Evaluator::Evaluator(Network net, const ViewParams& view) : net_(std::move(net)) {
    for (const Layer& l : net_.layers) max_width_ = std::max({max_width_, l.in, l.out});
    set_view(view);
}

void Evaluator::set_kernel(Kernel k) {
    dense_ = dense_kernel(k);
}

void Evaluator::set_view(const ViewParams& view) {
    view_ = view;
    fold_ = fold_first_layer(net_, view_);
}

float Evaluator::pixel_step(const ViewParams& v, int width, int height) {
    return static_cast<float>(2.0 * v.extent / std::min(width, height));
}
float Evaluator::pixel_offset_x(int i, int width, float step) {
    return (static_cast<float>(i) + 0.5f - static_cast<float>(width) * 0.5f) * step;
}
float Evaluator::pixel_offset_y(int j, int height, float step) {
    return (static_cast<float>(height) * 0.5f - static_cast<float>(j) - 0.5f) * step;
}

const float* Evaluator::run_block(const float* dx, const float* dy, Scratch& s,
                                  std::vector<std::vector<float>>* taps, int lanes) const {
    // Per-pixel input columns of the folded first layer.
    const auto ncol = static_cast<int>(fold_.columns.size());
    for (int c = 0; c < ncol; ++c) {
        float* col = s.inputs.data() + static_cast<std::size_t>(c) * kBlock;
        switch (fold_.columns[c]) {
            case Input::x:
                std::copy(dx, dx + kBlock, col);
                break;
            case Input::y:
                std::copy(dy, dy + kBlock, col);
                break;
            case Input::r:
                for (int p = 0; p < kBlock; ++p) {
                    const float x = fold_.center_x + dx[p], y = fold_.center_y + dy[p];
                    col[p] = std::sqrt(x * x + y * y);
                }
                break;
            default:
                break;  // constants are folded into the bias
        }
    }
    const float* src = s.inputs.data();
    float* dst = s.a.data();
    for (std::size_t l = 0; l < net_.layers.size(); ++l) {
        const Layer& layer = net_.layers[l];
        if (l == 0)
            dense_(fold_.weights.data(), fold_.bias.data(), ncol, layer.out, src, dst,
                   layer.activation);
        else
            dense_(layer.weights.data(), layer.biases.data(), layer.in, layer.out, src, dst,
                   layer.activation);
        if (taps) {
            auto& t = (*taps)[l];
            for (int j = 0; j < layer.out; ++j)
                for (int p = 0; p < lanes; ++p)
                    t.push_back(dst[static_cast<std::size_t>(j) * kBlock + p]);
        }
        src = dst;
        dst = dst == s.a.data() ? s.b.data() : s.a.data();
    }
    return src;
}

template <class Sample, class ToSample>
void Evaluator::render_rows_as(int width, int height, int row0, int row1, Sample* rgb,
                               const EvalOptions& opt, ToSample to_sample) const {
    const float step = pixel_step(view_, width, height);
    const int k = opt.level, level_width = level_size(width, k);
    const int outputs = net_.outputs();
    const ColorLut& lut = colormap_lut(opt.colormap);
    const bool grey = opt.colormap == ColorMap::grey;
    std::atomic<int> next_row{row0};
    auto worker = [&] {
        Scratch s(max_width_, static_cast<int>(fold_.columns.size()));
        float dx[kBlock], dy[kBlock];
        for (int j = next_row++; j < row1; j = next_row++) {
            std::fill(dy, dy + kBlock, pixel_offset_y(j << k, height, step));
            Sample* row = rgb + static_cast<std::size_t>(j - row0) * level_width * 3;
            for (int i0 = 0; i0 < level_width; i0 += kBlock) {
                // Lanes past the row's end are computed and dropped, so every pixel takes
                // the same vector path.
                for (int p = 0; p < kBlock; ++p) dx[p] = pixel_offset_x((i0 + p) << k, width, step);
                const float* out = run_block(dx, dy, s, nullptr, kBlock);
                const int n = std::min(kBlock, level_width - i0);
                for (int p = 0; p < n; ++p) {
                    Sample* px = row + static_cast<std::size_t>(i0 + p) * 3;
                    if (outputs == 1 && !grey) {
                        // Colour maps are 8-bit tables; 16-bit output repeats the byte.
                        const auto& c = lut[to_byte(out[p])];
                        for (int ch = 0; ch < 3; ++ch)
                            px[ch] = static_cast<Sample>(c[ch] * (sizeof(Sample) == 1 ? 1 : 257));
                    } else if (outputs == 1) {
                        px[0] = px[1] = px[2] = to_sample(out[p]);
                    } else {
                        for (int c = 0; c < 3; ++c) px[c] = to_sample(out[c * kBlock + p]);
                    }
                }
            }
        }
    };
    const int threads = std::min(hardware_threads(opt.threads), std::max(1, row1 - row0));
    std::vector<std::jthread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
    worker();
}

void Evaluator::render_rows(int width, int height, int row0, int row1, std::uint8_t* rgb,
                            const EvalOptions& opt) const {
    render_rows_as(width, height, row0, row1, rgb, opt, to_byte);
}

void Evaluator::render_rows16(int width, int height, int row0, int row1, std::uint16_t* rgb,
                              const EvalOptions& opt) const {
    render_rows_as(width, height, row0, row1, rgb, opt, to_word);
}

std::vector<std::vector<float>> Evaluator::activations_at(
    std::span<const PlanePoint> points) const {
    std::vector<std::vector<float>> block_taps(net_.layers.size());
    std::vector<std::vector<float>> result(net_.layers.size());
    for (std::size_t l = 0; l < result.size(); ++l)
        result[l].resize(static_cast<std::size_t>(net_.layers[l].out) * points.size());
    Scratch s(max_width_, static_cast<int>(fold_.columns.size()));
    float dx[kBlock], dy[kBlock];
    for (std::size_t p0 = 0; p0 < points.size(); p0 += kBlock) {
        const int n = static_cast<int>(std::min<std::size_t>(kBlock, points.size() - p0));
        for (int p = 0; p < kBlock; ++p) {
            const PlanePoint& pt = points[p0 + std::min(p, n - 1)];
            dx[p] = static_cast<float>(pt.x - view_.center_x);
            dy[p] = static_cast<float>(pt.y - view_.center_y);
        }
        for (auto& t : block_taps) t.clear();
        run_block(dx, dy, s, &block_taps, n);
        for (std::size_t l = 0; l < result.size(); ++l)
            for (int j = 0; j < net_.layers[l].out; ++j)
                for (int p = 0; p < n; ++p)
                    result[l][j * points.size() + p0 + p] = block_taps[l][j * n + p];
    }
    return result;
}

std::vector<float> Evaluator::outputs_at(std::span<const PlanePoint> points) const {
    const auto taps = activations_at(points);
    const auto& last = taps.back();
    const int outputs = net_.outputs();
    std::vector<float> out(points.size() * outputs);
    for (std::size_t p = 0; p < points.size(); ++p)
        for (int c = 0; c < outputs; ++c) out[p * outputs + c] = last[c * points.size() + p];
    return out;
}

}  // namespace primordial::core
