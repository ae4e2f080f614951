// A cairo image surface the plots draw on, read back as RGB bytes.
#pragma once

#include <cairo.h>

#include <cstdint>
#include <vector>

namespace primordial::plot {

class Canvas {
public:
    Canvas(int width, int height);
    ~Canvas();
    Canvas(const Canvas&) = delete;
    Canvas& operator=(const Canvas&) = delete;

    cairo_t* cr() const { return cr_; }
    int width() const { return width_; }
    int height() const { return height_; }
    // The picture as RGB, 3 bytes per pixel, row-major.
    std::vector<std::uint8_t> rgb();
    // Fills the surface from RGB bytes (width x height), to draw over a picture.
    void set_rgb(const std::vector<std::uint8_t>& rgb);

private:
    int width_, height_;
    cairo_surface_t* surface_;
    cairo_t* cr_;
};

}  // namespace primordial::plot
