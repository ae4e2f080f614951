// core::RowRenderer on the GPU: renders bands of rows into an offscreen framebuffer, in tiles that
// stay within the device's limits (and keep each draw short), and reads them back, so
// core::write_png streams a PNG of any size from the GPU. The renderer's context must be current.
#pragma once

#include "core/row_renderer.hpp"
#include "gpu/network_renderer.hpp"

namespace primordial::gpu {

class GpuRowRenderer final : public core::RowRenderer {
public:
    // `max_tile` bounds each draw's width and height (clamped to the device's limits).
    GpuRowRenderer(NetworkRenderer& renderer, int width, int height, int max_tile = 1024);
    ~GpuRowRenderer() override;
    GpuRowRenderer(const GpuRowRenderer&) = delete;
    GpuRowRenderer& operator=(const GpuRowRenderer&) = delete;

    void render_rows(int row0, int row1, std::uint8_t* rgb) override;
    int width() const override { return width_; }
    int height() const override { return height_; }
    const char* name() const override { return "gpu"; }

private:
    void ensure_target(int w, int h);

    NetworkRenderer& renderer_;
    int width_, height_, max_tile_;
    unsigned fbo_ = 0, color_ = 0;
    int target_w_ = 0, target_h_ = 0;
};

}  // namespace primordial::gpu
