#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "app/desktop_dialog.hpp"
#include "app/file_browser.hpp"
#include "app/fresh_dir.hpp"
#include "app/thumbnails.hpp"
#include "core/eval/row_renderer.hpp"
#include "core/io/atomic_file.hpp"
#include "core/io/params_json.hpp"
#include "core/io/png_io.hpp"

using namespace primordial;
using namespace primordial::app;
namespace fs = std::filesystem;

namespace {
Getenv env_of(std::map<std::string, std::string> vars) {
    return [vars](const char* name) -> std::optional<std::string> {
        const auto it = vars.find(name);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}
}  // namespace

TEST_CASE("the browser lists folders, then the files Primordial opens, hidden ones left out") {
    const fs::path d = fresh("browser");
    fs::create_directories(d / "zoo");
    fs::create_directories(d / "archive");
    fs::create_directories(d / ".cache");
    for (const char* f : {"b.png", "a.json", "c.HTML", "notes.txt", ".hidden.png", "d.htm"})
        std::ofstream(d / f) << "x";
    const auto entries = list_folder(d);
    std::vector<std::string> names;
    for (const FolderEntry& e : entries) names.push_back(e.name + (e.folder ? "/" : ""));
    CHECK(names ==
          std::vector<std::string>{"archive/", "zoo/", "a.json", "b.png", "c.HTML", "d.htm"});
    CHECK(list_folder(d, 3).size() == 3);  // a huge folder is cut short
    CHECK(list_folder(d / "missing").empty());
}

TEST_CASE("thumbnails: a PNG scaled down, a parameter file's network drawn small") {
    const fs::path d = fresh("thumbnails");
    std::vector<std::uint8_t> rgb(300 * 200 * 3);
    for (std::size_t i = 0; i < rgb.size(); i += 3) rgb[i] = 200, rgb[i + 1] = 40, rgb[i + 2] = 90;
    core::ImageRowRenderer rows(rgb.data(), 300, 200);
    core::write_png(rows, d / "big.png", "{}");
    const core::PngImage a = make_thumbnail(d / "big.png", 96, 4096 * 4096);
    CHECK(a.width == 96);
    CHECK(a.height == 64);
    CHECK(a.rgb[0] == 200);
    CHECK(a.rgb[1] == 40);
    CHECK_THROWS_AS(make_thumbnail(d / "big.png", 96, 100 * 100),
                    core::InputError);  // by its header

    core::Params p;
    p.network.depth = 4;
    p.image_width = 200, p.image_height = 100;
    core::write_text_file(d / "net.json", core::params_to_json(p));
    const core::PngImage b = make_thumbnail(d / "net.json", 96, 0);
    CHECK(b.width == 96);
    CHECK(b.height == 48);
    std::ofstream(d / "junk.json") << "not json";
    CHECK_THROWS_AS(make_thumbnail(d / "junk.json", 96, 0), core::InputError);
}

TEST_CASE("the desktop's dialog: zenity or kdialog where there is a display, else none") {
    const fs::path d = fresh("dialog");
    const fs::path zenity = d / "zenity";
    std::ofstream(zenity) << "#!/bin/sh\necho \"$PWD\"/chosen.png\n";
    fs::permissions(zenity, fs::perms::owner_all);
    CHECK(DesktopDialog::program(env_of({{"PATH", d.string()}, {"DISPLAY", ":1"}})) == "zenity");
    CHECK(DesktopDialog::program(env_of({{"PATH", d.string()}})).empty());  // no display
    CHECK(DesktopDialog::program(
              env_of(
                  {{"PATH", d.string()}, {"DISPLAY", ":1"}, {"PRIMORDIAL_FILE_DIALOG", "builtin"}}))
              .empty());
    CHECK(DesktopDialog::program(env_of({{"PATH", (d / "none").string()}, {"DISPLAY", ":1"}}))
              .empty());
}
