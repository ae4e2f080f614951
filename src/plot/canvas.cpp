#include "plot/canvas.hpp"

#include <stdexcept>

namespace primordial::plot {

Canvas::Canvas(int width, int height)
    : width_(width),
      height_(height),
      surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height)),
      cr_(cairo_create(surface_)) {
    if (cairo_surface_status(surface_) != CAIRO_STATUS_SUCCESS)
        throw std::runtime_error("cannot make a " + std::to_string(width) + "x" +
                                 std::to_string(height) + " plot surface");
}

Canvas::~Canvas() {
    cairo_destroy(cr_);
    cairo_surface_destroy(surface_);
}

std::vector<std::uint8_t> Canvas::rgb() {
    cairo_surface_flush(surface_);
    const unsigned char* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    std::vector<std::uint8_t> out(static_cast<std::size_t>(width_) * height_ * 3);
    for (int y = 0; y < height_; ++y) {
        // RGB24 is a native-endian 32-bit word per pixel: 0x00RRGGBB.
        const auto* row =
            reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
        std::uint8_t* o = out.data() + static_cast<std::size_t>(y) * width_ * 3;
        for (int x = 0; x < width_; ++x) {
            o[3 * x] = static_cast<std::uint8_t>(row[x] >> 16);
            o[3 * x + 1] = static_cast<std::uint8_t>(row[x] >> 8);
            o[3 * x + 2] = static_cast<std::uint8_t>(row[x]);
        }
    }
    return out;
}

void Canvas::set_rgb(const std::vector<std::uint8_t>& rgb) {
    cairo_surface_flush(surface_);
    unsigned char* data = cairo_image_surface_get_data(surface_);
    const int stride = cairo_image_surface_get_stride(surface_);
    for (int y = 0; y < height_; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
        const std::uint8_t* in = rgb.data() + static_cast<std::size_t>(y) * width_ * 3;
        for (int x = 0; x < width_; ++x)
            row[x] =
                std::uint32_t{in[3 * x]} << 16 | std::uint32_t{in[3 * x + 1]} << 8 | in[3 * x + 2];
    }
    cairo_surface_mark_dirty(surface_);
}

}  // namespace primordial::plot
