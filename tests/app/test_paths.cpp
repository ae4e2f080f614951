#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "app/fresh_dir.hpp"
#include "app/paths.hpp"

using namespace primordial::app;
namespace fs = std::filesystem;

namespace {
Getenv fake(std::map<std::string, std::string> vars) {
    return [vars](const char* n) -> std::optional<std::string> {
        const auto it = vars.find(n);
        if (it == vars.end()) return std::nullopt;
        return it->second;
    };
}
}  // namespace

TEST_CASE("config folder follows XDG_CONFIG_HOME, else ~/.config") {
    CHECK(state_dir(fake({{"HOME", "/home/ada"}})) == "/home/ada/.local/state/primordial");
    CHECK(state_dir(fake({{"HOME", "/home/ada"}, {"XDG_STATE_HOME", "/s"}})) == "/s/primordial");
    CHECK(config_dir(fake({{"HOME", "/home/ada"}})) == "/home/ada/.config/primordial");
    CHECK(config_dir(fake({{"HOME", "/home/ada"}, {"XDG_CONFIG_HOME", "/cfg"}})) ==
          "/cfg/primordial");
}

TEST_CASE("screenshots go to the XDG pictures folder, else ~/Pictures") {
    const fs::path cfg = fresh("xdg");
    CHECK(
        default_screenshot_dir(fake({{"HOME", "/home/ada"}, {"XDG_CONFIG_HOME", cfg.string()}})) ==
        "/home/ada/Pictures/Primordial");
    std::ofstream(cfg / "user-dirs.dirs") << "# comment\nXDG_PICTURES_DIR=\"$HOME/Bilder\"\n";
    CHECK(
        default_screenshot_dir(fake({{"HOME", "/home/ada"}, {"XDG_CONFIG_HOME", cfg.string()}})) ==
        "/home/ada/Bilder/Primordial");
}

TEST_CASE("screenshot names carry the time and never overwrite") {
    const fs::path d = fresh("shots");
    const auto t = std::chrono::system_clock::now();
    const fs::path first = unique_screenshot_path(d, t);
    CHECK(first.filename().string().rfind("primordial-", 0) == 0);
    CHECK(first.extension() == ".png");
    std::ofstream(first) << "x";
    const fs::path second = unique_screenshot_path(d, t);
    CHECK(second != first);
    CHECK(second.stem().string() == first.stem().string() + "-2");
    std::ofstream(second) << "x";
    CHECK(unique_screenshot_path(d, t).stem().string() == first.stem().string() + "-3");
}
