// The interface every backend offers to whole-image consumers (PNG export, animation frames):
// render a band of rows as RGB bytes. The CPU evaluator and the GPU renderer both implement it.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "core/eval/evaluate.hpp"

namespace primordial::core {

class RowRenderer {
public:
    virtual ~RowRenderer() = default;
    // Rows [row0, row1) of the image as RGB bytes (3 per pixel, row-major).
    virtual void render_rows(int row0, int row1, std::uint8_t* rgb) = 0;
    // The same as 16-bit samples. By default the bytes scaled by 257; renderers that hold the
    // network's float outputs give their full precision.
    virtual void render_rows16(int row0, int row1, std::uint16_t* rgb);
    virtual int width() const = 0;
    virtual int height() const = 0;
    virtual const char* name() const = 0;  // "cpu", "gpu"
};

class CpuRowRenderer final : public RowRenderer {
public:
    CpuRowRenderer(const Evaluator& eval, int width, int height, EvalOptions opt = {})
        : eval_(eval), width_(width), height_(height), opt_(opt) {}
    void render_rows(int row0, int row1, std::uint8_t* rgb) override {
        eval_.render_rows(width_, height_, row0, row1, rgb, opt_);
    }
    void render_rows16(int row0, int row1, std::uint16_t* rgb) override {
        eval_.render_rows16(width_, height_, row0, row1, rgb, opt_);
    }
    int width() const override { return width_; }
    int height() const override { return height_; }
    const char* name() const override { return "cpu"; }

private:
    const Evaluator& eval_;
    int width_, height_;
    EvalOptions opt_;
};

// Rows of an image already in memory (for example a finished picture read back from the screen).
class ImageRowRenderer final : public RowRenderer {
public:
    ImageRowRenderer(const std::uint8_t* rgb, int width, int height)
        : rgb_(rgb), width_(width), height_(height) {}
    void render_rows(int row0, int row1, std::uint8_t* out) override;
    int width() const override { return width_; }
    int height() const override { return height_; }
    const char* name() const override { return "image"; }

private:
    const std::uint8_t* rgb_;
    int width_, height_;
};

// N x N samples per pixel, averaged: `source` renders the same frame at N times the size (the
// extent spans the shorter side, so its pixels are exactly the sub-pixels), and each output pixel
// is the mean of its N x N samples, taken at 16 bits. Supersampling tames the static of wide
// networks. Reads the source a few rows at a time, so memory stays bounded.
class SupersampledRowRenderer : public RowRenderer {
public:
    SupersampledRowRenderer(RowRenderer& source, int factor);
    void render_rows(int row0, int row1, std::uint8_t* rgb) override;
    void render_rows16(int row0, int row1, std::uint16_t* rgb) override;
    int width() const override { return source_.width() / factor_; }
    int height() const override { return source_.height() / factor_; }
    const char* name() const override { return source_.name(); }

private:
    RowRenderer& source_;
    int factor_;
    std::vector<std::uint16_t> samples_, mean_;
};

// The CPU evaluator for `net` at width x height, owning its Evaluator.
std::unique_ptr<RowRenderer> cpu_rows(const Network& net, const ViewParams& view, int width,
                                      int height, EvalOptions opt = {});
// The averaged picture of `source`, which renders the frame `factor` times larger; `source`
// itself when factor is 1.
std::unique_ptr<RowRenderer> supersampled(std::unique_ptr<RowRenderer> source, int factor);

// Called with the fraction done; return false to cancel (the output file is then not created).
using Progress = std::function<bool(double)>;

}  // namespace primordial::core
