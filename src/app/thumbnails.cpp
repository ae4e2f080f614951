#include "app/thumbnails.hpp"

#include <algorithm>

#include "core/eval/row_renderer.hpp"
#include "core/io/preset.hpp"
#include "core/net/network.hpp"

namespace primordial::app {
namespace {

constexpr int kInFlight = 2;  // thumbnails made at once: a folder of posters never floods the CPU

// Box-filters `img` down so that its longer side is at most `side`.
core::PngImage scaled(const core::PngImage& img, int side) {
    const int longer = std::max(img.width, img.height);
    if (longer <= side) return img;
    core::PngImage out;
    out.width = std::max(1, img.width * side / longer);
    out.height = std::max(1, img.height * side / longer);
    out.rgb.resize(static_cast<std::size_t>(out.width) * out.height * 3);
    for (int y = 0; y < out.height; ++y)
        for (int x = 0; x < out.width; ++x) {
            const int x0 = x * img.width / out.width,
                      x1 = std::max(x0 + 1, (x + 1) * img.width / out.width);
            const int y0 = y * img.height / out.height,
                      y1 = std::max(y0 + 1, (y + 1) * img.height / out.height);
            for (int c = 0; c < 3; ++c) {
                long sum = 0;
                for (int j = y0; j < y1; ++j)
                    for (int i = x0; i < x1; ++i)
                        sum += img.rgb[(static_cast<std::size_t>(j) * img.width + i) * 3 + c];
                out.rgb[(static_cast<std::size_t>(y) * out.width + x) * 3 + c] =
                    static_cast<std::uint8_t>(sum / ((x1 - x0) * (y1 - y0)));
            }
        }
    return out;
}

}  // namespace

core::PngImage make_thumbnail(const std::filesystem::path& file, int side,
                              std::int64_t max_pixels) {
    std::string ext = file.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (ext == ".png") return scaled(core::read_png(file, max_pixels), side);
    // A parameter file, preset or page: its network, drawn small in its own frame.
    core::Params p = core::state_from_file(file).params;
    const double aspect = static_cast<double>(p.image_width) / std::max(1, p.image_height);
    core::PngImage img;
    img.width = aspect >= 1 ? side : std::max(1, static_cast<int>(side * aspect));
    img.height = aspect >= 1 ? std::max(1, static_cast<int>(side / aspect)) : side;
    img.rgb.resize(static_cast<std::size_t>(img.width) * img.height * 3);
    const auto rows = core::cpu_rows(core::build_network(p.network), p.view, img.width, img.height,
                                     {1, p.colormap});
    rows->render_rows(0, img.height, img.rgb.data());
    return img;
}

void Thumbnails::forget(const std::filesystem::path& file) {
    const auto it = entries_.find(file.string());
    if (it == entries_.end()) return;
    if (it->second.making.valid()) --in_flight_;  // its future waits for it as it goes
    entries_.erase(it);
}

unsigned Thumbnails::texture(const std::filesystem::path& file) {
    Entry& e = entries_[file.string()];
    if (!e.started && in_flight_ < kInFlight) {
        e.started = true;
        ++in_flight_;
        e.making = std::async(std::launch::async, [file, side = side_, max = max_pixels_] {
            return make_thumbnail(file, side, max);
        });
    }
    if (e.making.valid() &&
        e.making.wait_for(std::chrono::seconds(0)) == std::future_status::ready) {
        --in_flight_;
        try {  // a file that is no picture stays without one: tried once, not every frame
            const core::PngImage img = e.making.get();
            e.texture = std::make_unique<gpu::ImageTexture>(img.rgb.data(), img.width, img.height);
        } catch (const std::exception&) {
        }
    }
    return e.texture ? e.texture->id() : 0;
}

}  // namespace primordial::app
