#include "app/bookmarks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/eval/evaluate.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"

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

namespace {

// A name as a file name: no path separators or control characters, no leading dot (hidden);
// UTF-8 (·, ×, accents) stays. At most 120 bytes, never splitting a character.
std::string safe_name(const std::string& name) {
    std::string safe;
    for (char c : name) {
        const auto u = static_cast<unsigned char>(c);
        safe += (c == '/' || c == '\\' || u < 0x20 || u == 0x7f) ? '_' : c;
    }
    while (!safe.empty() && (safe.front() == '.' || safe.front() == ' ')) safe.erase(0, 1);
    while (!safe.empty() && safe.back() == ' ') safe.pop_back();
    if (safe.size() > 120) {
        std::size_t cut = 120;
        while (cut > 0 && (static_cast<unsigned char>(safe[cut]) & 0xC0) == 0x80) --cut;
        safe.resize(cut);
    }
    return safe.empty() ? "bookmark" : safe;
}

// dir/NAME.png, or NAME-2.png, -3, ... when taken (`except`: a file that may keep its name).
fs::path free_name(const fs::path& dir, const std::string& safe, const fs::path& except = {}) {
    fs::path file = dir / (safe + ".png");
    for (int n = 2; fs::exists(file) && file != except; ++n)
        file = dir / (safe + "-" + std::to_string(n) + ".png");
    return file;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

}  // namespace

std::string describe_bookmark(const core::State& s) {
    const core::NetworkParams& n = s.params.network;
    const core::NetworkParams defaults;
    std::string text = "seed " + std::to_string(n.seed) + " · " + std::to_string(n.depth) + "×" +
                       std::to_string(n.widths.front()) + (n.widths.size() > 1 ? "…" : "");
    if (n.activations.size() > 1)
        text += " · mixed";
    else if (n.activations.front() != defaults.activations.front())
        text += " · " + std::string(core::to_string(n.activations.front()));
    if (n.scale != defaults.scale) text += " · scale " + number(n.scale);
    if (n.outputs == 1) text += " · grey";
    if (!n.lineage.empty()) text += " · bred";
    const double zoom = 1.0 / s.params.view.extent;
    if (std::abs(zoom - 1.0) > 1e-9) text += " · zoom ×" + number(zoom);
    if (s.view.kind != core::ViewKind::picture)
        text += " · " + std::string(core::to_string(s.view.kind));
    return text;
}

fs::path save_bookmark(const fs::path& dir, const std::string& name, const core::State& s) {
    fs::create_directories(dir);
    const fs::path file = free_name(dir, safe_name(name));
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

fs::path rename_bookmark(const Bookmark& b, const std::string& name) {
    const std::string safe = safe_name(name);
    if (name.find_first_not_of(' ') == std::string::npos)
        throw core::InputError("a bookmark needs a name");
    const fs::path to = free_name(b.file.parent_path(), safe, b.file);
    if (to == b.file) return to;
    std::error_code ec;
    fs::rename(b.file, to, ec);
    if (ec) throw std::runtime_error("cannot rename " + b.file.string() + ": " + ec.message());
    return to;
}

}  // namespace primordial::app
