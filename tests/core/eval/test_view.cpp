#include <doctest/doctest.h>

#include "core/eval/evaluate.hpp"
#include "core/eval/view.hpp"

using namespace primordial::core;

TEST_CASE("pixel centres map to the plane: row 0 at the top, extent on the shorter side") {
    const ViewParams v{0.5, -1.0, 2.0, 0.0};
    const ViewTransform t(v, 400, 200);  // shorter side: 200 px span 4 units
    CHECK(t.step() == doctest::Approx(0.02));
    const PlanePoint top_left = t.to_plane(0.5, 0.5);
    CHECK(top_left.x == doctest::Approx(0.5 + (0.5 - 200) * 0.02));
    CHECK(top_left.y == doctest::Approx(-1.0 + (100 - 0.5) * 0.02));
    const PlanePoint centre = t.to_plane(200, 100);
    CHECK(centre.x == doctest::Approx(0.5));
    CHECK(centre.y == doctest::Approx(-1.0));
    // The shorter side spans exactly [c - extent, c + extent].
    CHECK(t.to_plane(0, 0).y == doctest::Approx(1.0));
    CHECK(t.to_plane(0, 200).y == doctest::Approx(-3.0));
}

TEST_CASE("to_pixel inverts to_plane") {
    const ViewParams v{10000.25, -3.5, 0.001, 0.0};
    const ViewTransform t(v, 1920, 1080);
    const PlanePoint p = t.to_plane(123.25, 1000.5);
    CHECK(t.to_pixel_x(p.x) == doctest::Approx(123.25));
    CHECK(t.to_pixel_y(p.y) == doctest::Approx(1000.5));
}

TEST_CASE("zoom keeps the point under the cursor in place") {
    const ViewParams v{0.3, 0.1, 1.5, 0.0};
    const double px = 130.0, py = 470.0;
    const PlanePoint before = ViewTransform(v, 640, 480).to_plane(px, py);
    for (double f : {2.0, 0.5, 1.1, 37.0}) {
        const ViewParams z = zoom_about(v, 640, 480, px, py, f);
        CHECK(z.extent == doctest::Approx(v.extent / f));
        const PlanePoint after = ViewTransform(z, 640, 480).to_plane(px, py);
        CHECK(after.x == doctest::Approx(before.x).epsilon(1e-12));
        CHECK(after.y == doctest::Approx(before.y).epsilon(1e-12));
    }
}

TEST_CASE("pan moves the content with the mouse") {
    const ViewParams v{0, 0, 1, 0};
    const PlanePoint under = ViewTransform(v, 100, 100).to_plane(20, 30);
    const ViewParams p = pan_pixels(v, 100, 100, 15, -7);
    const PlanePoint moved = ViewTransform(p, 100, 100).to_plane(35, 23);
    CHECK(moved.x == doctest::Approx(under.x));
    CHECK(moved.y == doctest::Approx(under.y));
}

TEST_CASE("recenter puts the clicked point in the middle") {
    const ViewParams v{1, 2, 0.5, 0};
    const PlanePoint p = ViewTransform(v, 300, 200).to_plane(10, 20);
    const ViewParams r = recenter(v, 300, 200, 10, 20);
    CHECK(r.center_x == doctest::Approx(p.x));
    CHECK(r.center_y == doctest::Approx(p.y));
    CHECK(r.extent == v.extent);
}

TEST_CASE("resizing keeps the centre and the extent of the shorter side") {
    const ViewParams v{0.2, 0.4, 1.0, 0};
    for (auto [w, h] : {std::pair{800, 600}, std::pair{600, 800}, std::pair{1000, 1000}}) {
        const ViewTransform t(v, w, h);
        const int short_side = std::min(w, h);
        CHECK(t.step() * short_side == doctest::Approx(2.0));
        CHECK(t.to_plane(w / 2.0, h / 2.0).x == doctest::Approx(0.2));
    }
}

TEST_CASE("the evaluator's float offsets agree with the double transform") {
    const ViewParams v{0, 0, 1.0, 0};
    const float s = Evaluator::pixel_step(v, 256, 128);
    const ViewTransform t(v, 256, 128);
    for (int i : {0, 17, 255})
        CHECK(Evaluator::pixel_offset_x(i, 256, s) == doctest::Approx(t.offset_x(i + 0.5)));
    for (int j : {0, 64, 127})
        CHECK(Evaluator::pixel_offset_y(j, 128, s) == doctest::Approx(t.offset_y(j + 0.5)));
}
