// View maths: one transform between image pixels and the network's (x, y) plane.
// Pixel coordinates are continuous: pixel (i, j) covers [i, i+1) x [j, j+1), row 0 at the top.
#pragma once

#include "core/net/params.hpp"

namespace primordial::core {

struct PlanePoint {
    double x = 0, y = 0;
};

class ViewTransform {
public:
    ViewTransform(const ViewParams& v, int width, int height);

    double step() const { return step_; }  // plane units per pixel
    // Offset from the view centre of continuous pixel position (px, py).
    double offset_x(double px) const { return (px - half_w_) * step_; }
    double offset_y(double py) const { return (half_h_ - py) * step_; }
    PlanePoint to_plane(double px, double py) const;
    // Pixel position of a plane point (inverse of to_plane).
    double to_pixel_x(double x) const { return (x - cx_) / step_ + half_w_; }
    double to_pixel_y(double y) const { return half_h_ - (y - cy_) / step_; }

private:
    double cx_, cy_, step_, half_w_, half_h_;
};

// Zooms by `factor` (> 1 zooms in) keeping the plane point under pixel (px, py) in place.
ViewParams zoom_about(const ViewParams& v, int width, int height, double px, double py,
                      double factor);
// Moves the picture by (dx, dy) pixels: the content follows the mouse.
ViewParams pan_pixels(const ViewParams& v, int width, int height, double dx, double dy);
// Centres the view on the plane point under pixel (px, py).
ViewParams recenter(const ViewParams& v, int width, int height, double px, double py);

}  // namespace primordial::core
