// core::RowRenderer on the GPU: renders bands of rows into an offscreen framebuffer, in tiles that
// stay within the device's limits (and keep each draw short), and reads them back, so
// core::write_png streams a PNG of any size from the GPU. The renderer's context must be current.
#pragma once

#include "core/eval/row_renderer.hpp"
#include "gpu/network_renderer.hpp"
#include "gpu/render_target.hpp"

namespace primordial::gpu {

class GpuRowRenderer final : public core::RowRenderer {
public:
    // `max_tile` bounds each draw's width and height (clamped to the device's limits).
    GpuRowRenderer(NetworkRenderer& renderer, int width, int height, int max_tile = 1024);

    void render_rows(int row0, int row1, std::uint8_t* rgb) override;
    int width() const override { return width_; }
    int height() const override { return height_; }
    const char* name() const override { return "gpu"; }

private:
    NetworkRenderer& renderer_;
    int width_, height_, max_tile_;
    RenderTarget target_;  // one tile, reused
};

}  // namespace primordial::gpu
