#include "app/status.hpp"

#include <cstdio>

namespace primordial::app {
namespace {

// 22650 -> "22,650"
std::string grouped(long long n) {
    std::string s = std::to_string(n);
    for (int i = static_cast<int>(s.size()) - 3; i > 0; i -= 3) s.insert(s.begin() + i, ',');
    return s;
}

}  // namespace

std::string picture_status(const gpu::ProgressStatus& st, long long mac_per_pixel, int width,
                           int height) {
    static constexpr const char* kLevels[] = {"full", "1/2", "1/4", "1/8", "1/16", "1/32"};
    char what[96];
    if (st.done && st.full_ms)
        std::snprintf(what, sizeof what, "done: full resolution in %.0f ms", *st.full_ms);
    else if (st.done)
        std::snprintf(what, sizeof what, "done");
    else
        std::snprintf(what, sizeof what, "refining: %s resolution, %.0f%%", kLevels[st.level],
                      st.fraction * 100);
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s  |  %d x %d  |  %.1f GFLOP/s  |  %s multiply-adds per pixel",
                  what, width, height, 2.0 * st.mac_per_ms * 1e-6, grouped(mac_per_pixel).c_str());
    return buf;
}

}  // namespace primordial::app
