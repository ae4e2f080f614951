// The interface every backend offers to whole-image consumers (PNG export, animation frames):
// render a band of rows as RGB bytes. The CPU evaluator and the GPU renderer both implement it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "core/evaluate.hpp"

namespace primordial::core {

class RowRenderer {
public:
    virtual ~RowRenderer() = default;
    // Rows [row0, row1) of the image as RGB bytes (3 per pixel, row-major).
    virtual void render_rows(int row0, int row1, std::uint8_t* rgb) = 0;
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

// Called with the fraction done; return false to cancel (the output file is then not created).
using Progress = std::function<bool(double)>;

// Renders band by band straight into the PNG encoder, so memory stays bounded at any size.
// Returns false when cancelled.
bool write_png(RowRenderer& r, const std::filesystem::path& path, const std::string& params_text,
               const Progress& progress = {}, int band_rows = 64);

}  // namespace primordial::core
