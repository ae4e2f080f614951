#include "core/eval/view.hpp"

#include <algorithm>

namespace primordial::core {

ViewTransform::ViewTransform(const ViewParams& v, int width, int height)
    : cx_(v.center_x),
      cy_(v.center_y),
      step_(2.0 * v.extent / std::min(width, height)),
      half_w_(width / 2.0),
      half_h_(height / 2.0) {}

PlanePoint ViewTransform::to_plane(double px, double py) const {
    return {cx_ + offset_x(px), cy_ + offset_y(py)};
}

ViewParams zoom_about(const ViewParams& v, int width, int height, double px, double py,
                      double factor) {
    const PlanePoint p = ViewTransform(v, width, height).to_plane(px, py);
    ViewParams out = v;
    out.extent = v.extent / factor;
    // The fixed point p keeps its pixel: c' = p + (c - p) / factor.
    out.center_x = p.x + (v.center_x - p.x) / factor;
    out.center_y = p.y + (v.center_y - p.y) / factor;
    return out;
}

ViewParams pan_pixels(const ViewParams& v, int width, int height, double dx, double dy) {
    const double s = ViewTransform(v, width, height).step();
    ViewParams out = v;
    out.center_x -= dx * s;
    out.center_y += dy * s;
    return out;
}

ViewParams recenter(const ViewParams& v, int width, int height, double px, double py) {
    const PlanePoint p = ViewTransform(v, width, height).to_plane(px, py);
    ViewParams out = v;
    out.center_x = p.x;
    out.center_y = p.y;
    return out;
}

}  // namespace primordial::core
