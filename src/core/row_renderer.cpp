#include "core/row_renderer.hpp"

#include <algorithm>
#include <vector>

#include "core/png_io.hpp"

namespace primordial::core {

void ImageRowRenderer::render_rows(int row0, int row1, std::uint8_t* out) {
    const std::size_t stride = static_cast<std::size_t>(width_) * 3;
    std::copy(rgb_ + row0 * stride, rgb_ + row1 * stride, out);
}

bool write_png(RowRenderer& r, const std::filesystem::path& path, const std::string& params_text,
               const Progress& progress, int band_rows) {
    PngWriter png(path, r.width(), r.height(), params_text);
    std::vector<std::uint8_t> band(static_cast<std::size_t>(r.width()) * 3 * band_rows);
    for (int row = 0; row < r.height(); row += band_rows) {
        const int n = std::min(band_rows, r.height() - row);
        r.render_rows(row, row + n, band.data());
        png.write_rows(band.data(), n);
        if (progress && !progress(double(row + n) / r.height())) return false;
    }
    png.finish();
    return true;
}

}  // namespace primordial::core
