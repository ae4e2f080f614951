#include "app/bookmarks.hpp"

#include <algorithm>
#include <cctype>

#include "core/evaluate.hpp"
#include "core/params_json.hpp"
#include "core/row_renderer.hpp"

namespace primordial::app {
namespace fs = std::filesystem;

std::vector<Bookmark> list_bookmarks(const fs::path& dir) {
    std::vector<std::pair<fs::file_time_type, Bookmark>> found;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec))
        if (e.is_regular_file() && e.path().extension() == ".png")
            found.push_back({e.last_write_time(ec), {e.path().stem().string(), e.path()}});
    std::sort(found.begin(), found.end(), [](const auto& a, const auto& b) {
        return a.first != b.first ? a.first > b.first : a.second.name < b.second.name;
    });
    std::vector<Bookmark> out;
    for (auto& [t, b] : found) out.push_back(std::move(b));
    return out;
}

fs::path save_bookmark(const fs::path& dir, const std::string& name, const core::State& s) {
    std::string safe;
    for (char c : name.empty() ? std::string("bookmark") : name)
        safe += std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ' '
                    ? c
                    : '_';
    fs::create_directories(dir);
    fs::path file = dir / (safe + ".png");
    for (int n = 2; fs::exists(file); ++n) file = dir / (safe + "-" + std::to_string(n) + ".png");
    // The thumbnail shows the network itself (a view's base picture), in the same frame.
    core::Params p = s.params;
    p.image_width = kThumbnailWidth;
    p.image_height = kThumbnailHeight;
    p.supersample = 1;
    const auto rows = core::cpu_rows(core::build_network(p.network), p.view, p.image_width,
                                     p.image_height, {0, p.colormap});
    core::Params saved = s.params;  // a valid parameter file even from a size-less state
    if (saved.image_width < 1 || saved.image_height < 1)
        saved.image_width = saved.image_height = 1024;
    core::write_png(*rows, file, core::params_to_json(saved), {}, 64, 8,
                    core::view_to_json(s.view));
    return file;
}

core::State load_bookmark(const Bookmark& b) {
    return core::state_from_file(b.file);
}

void delete_bookmark(const Bookmark& b) {
    fs::remove(b.file);
}

}  // namespace primordial::app
