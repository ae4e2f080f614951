#include "core/eval/row_renderer.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace primordial::core {

void ImageRowRenderer::render_rows(int row0, int row1, std::uint8_t* out) {
    const std::size_t stride = static_cast<std::size_t>(width_) * 3;
    std::copy(rgb_ + row0 * stride, rgb_ + row1 * stride, out);
}

namespace {

class OwningCpuRows final : public RowRenderer {
public:
    OwningCpuRows(const Network& net, const ViewParams& view, int w, int h, EvalOptions opt)
        : eval_(net, view), rows_(eval_, w, h, opt) {}
    void render_rows(int r0, int r1, std::uint8_t* rgb) override { rows_.render_rows(r0, r1, rgb); }
    void render_rows16(int r0, int r1, std::uint16_t* rgb) override {
        rows_.render_rows16(r0, r1, rgb);
    }
    int width() const override { return rows_.width(); }
    int height() const override { return rows_.height(); }
    const char* name() const override { return rows_.name(); }

private:
    Evaluator eval_;
    CpuRowRenderer rows_;
};

// Holds the source so that it outlives the averaging built on it.
struct SourceHolder {
    std::unique_ptr<RowRenderer> source;
};

class OwningSupersampled final : private SourceHolder, public SupersampledRowRenderer {
public:
    OwningSupersampled(std::unique_ptr<RowRenderer> s, int factor)
        : SourceHolder{std::move(s)}, SupersampledRowRenderer(*source, factor) {}
};

}  // namespace

std::unique_ptr<RowRenderer> cpu_rows(const Network& net, const ViewParams& view, int width,
                                      int height, EvalOptions opt) {
    return std::make_unique<OwningCpuRows>(net, view, width, height, opt);
}

std::unique_ptr<RowRenderer> supersampled(std::unique_ptr<RowRenderer> source, int factor) {
    if (factor == 1) return source;
    return std::make_unique<OwningSupersampled>(std::move(source), factor);
}

void RowRenderer::render_rows16(int row0, int row1, std::uint16_t* rgb) {
    const std::size_t n = static_cast<std::size_t>(width()) * 3 * (row1 - row0);
    std::vector<std::uint8_t> bytes(n);
    render_rows(row0, row1, bytes.data());
    for (std::size_t i = 0; i < n; ++i) rgb[i] = static_cast<std::uint16_t>(bytes[i] * 257);
}

SupersampledRowRenderer::SupersampledRowRenderer(RowRenderer& source, int factor)
    : source_(source), factor_(factor) {
    if (factor < 1 || source.width() % factor || source.height() % factor)
        throw std::invalid_argument("supersampling: the source must be a whole multiple");
}

void SupersampledRowRenderer::render_rows16(int row0, int row1, std::uint16_t* rgb) {
    const int n = factor_, w = width(), sw = source_.width();
    // A few output rows at a time: at most about 32 MB of samples, at least one row.
    const std::size_t per_row = static_cast<std::size_t>(sw) * n * 3;
    const int chunk = static_cast<int>(std::max<std::size_t>(1, (32u << 20) / (per_row * 2)));
    samples_.resize(per_row * std::min(chunk, row1 - row0));
    const std::uint32_t count = static_cast<std::uint32_t>(n * n);
    for (int r0 = row0; r0 < row1; r0 += chunk) {
        const int r1 = std::min(row1, r0 + chunk);
        source_.render_rows16(r0 * n, r1 * n, samples_.data());
        for (int r = r0; r < r1; ++r) {
            const std::uint16_t* block = samples_.data() + per_row * (r - r0);
            std::uint16_t* out = rgb + static_cast<std::size_t>(r - row0) * w * 3;
            for (int i = 0; i < w; ++i)
                for (int c = 0; c < 3; ++c) {
                    std::uint32_t sum = 0;
                    for (int dy = 0; dy < n; ++dy)
                        for (int dx = 0; dx < n; ++dx)
                            sum += block[(static_cast<std::size_t>(dy) * sw + i * n + dx) * 3 + c];
                    out[i * 3 + c] = static_cast<std::uint16_t>((sum + count / 2) / count);
                }
        }
    }
}

void SupersampledRowRenderer::render_rows(int row0, int row1, std::uint8_t* rgb) {
    const std::size_t n = static_cast<std::size_t>(width()) * 3 * (row1 - row0);
    mean_.resize(n);
    render_rows16(row0, row1, mean_.data());
    for (std::size_t i = 0; i < n; ++i)
        rgb[i] = static_cast<std::uint8_t>((mean_[i] * 255u + 32767u) / 65535u);
}

}  // namespace primordial::core
