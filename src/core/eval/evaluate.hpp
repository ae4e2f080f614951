// The CPU evaluator: the project's ground truth. float32 like the shader, layer by layer over
// blocks of pixels (vectorised), threaded over rows. Every pixel runs the same instruction
// sequence whatever the thread count or block it falls in, so results are reproducible.
#pragma once

#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "core/eval/dense_kernels.hpp"
#include "core/eval/fold.hpp"
#include "core/eval/view.hpp"
#include "core/net/network.hpp"

namespace primordial::core {

struct EvalOptions {
    int threads = 0;                     // 0: all hardware threads
    ColorMap colormap = ColorMap::grey;  // for one-output networks
    // Rows of the level-`level` image instead: level_size(width) x level_size(height) pixels,
    // pixel (i, j) exactly full-resolution pixel (i << level, j << level), as the shader draws
    // progressive levels. 0 is the picture itself.
    int level = 0;
};

// The side of the level-k image of a picture `full` pixels across: ceil(full / 2^k).
inline int level_size(int full, int level) {
    return ((full - 1) >> level) + 1;
}

class Evaluator {
public:
    Evaluator(Network net, const ViewParams& view);

    const Network& network() const { return net_; }
    const ViewParams& view() const { return view_; }
    void set_view(const ViewParams& view);  // refolds the first layer; weights stay
    // Which dense kernel runs (the widest this CPU has unless told): the pixels are the same.
    void set_kernel(Kernel k);

    // Rows [row0, row1) of a width x height image as RGB bytes, 3 per pixel, row-major.
    void render_rows(int width, int height, int row0, int row1, std::uint8_t* rgb,
                     const EvalOptions& opt = {}) const;

    // The same as 16-bit samples (round(clamp(v, 0, 1) * 65535)), for print-quality PNGs.
    void render_rows16(int width, int height, int row0, int row1, std::uint16_t* rgb,
                       const EvalOptions& opt = {}) const;

    // Network outputs at plane points: outputs() floats per point, point-major.
    std::vector<float> outputs_at(std::span<const PlanePoint> points) const;

    // Every layer's activations at plane points: result[layer][unit * n + point].
    std::vector<std::vector<float>> activations_at(std::span<const PlanePoint> points) const;

    // Offset of pixel column i (row j) from the centre, exactly as the shader computes it.
    static float pixel_offset_x(int i, int width, float step);
    static float pixel_offset_y(int j, int height, float step);
    static float pixel_step(const ViewParams& v, int width, int height);

private:
    struct Scratch;
    template <class Sample, class ToSample>
    void render_rows_as(int width, int height, int row0, int row1, Sample* rgb,
                        const EvalOptions& opt, ToSample to_sample) const;
    // Runs one block of kBlock lanes: dx, dy are offsets from the centre. On return the output
    // layer's values are in the scratch buffer returned; `taps` (optional) receives each layer.
    const float* run_block(const float* dx, const float* dy, Scratch& s,
                           std::vector<std::vector<float>>* taps, int lanes) const;

    Network net_;
    ViewParams view_;
    FoldedInput fold_;
    int max_width_ = 0;
    DenseKernel dense_ = dense_kernel(Kernel::best);
};

// A colour byte from a network output: round(clamp(v, 0, 1) * 255); NaN gives 0.
inline std::uint8_t to_byte(float v) {
    const float c = v > 0.0f ? (v < 1.0f ? v : 1.0f) : 0.0f;
    return static_cast<std::uint8_t>(static_cast<int>(c * 255.0f + 0.5f));
}

// A 16-bit sample: round(clamp(v, 0, 1) * 65535); NaN gives 0.
inline std::uint16_t to_word(float v) {
    const float c = v > 0.0f ? (v < 1.0f ? v : 1.0f) : 0.0f;
    return static_cast<std::uint16_t>(static_cast<int>(c * 65535.0f + 0.5f));
}

}  // namespace primordial::core
