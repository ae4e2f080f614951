#include "app/paths.hpp"

#include <cstdlib>
#include <ctime>
#include <fstream>

namespace primordial::app {
namespace fs = std::filesystem;

Getenv system_getenv() {
    return [](const char* name) -> std::optional<std::string> {
        const char* v = std::getenv(name);
        if (!v || !*v) return std::nullopt;
        return std::string(v);
    };
}

namespace {
fs::path home(const Getenv& env) {
    return fs::path(env("HOME").value_or("."));
}
fs::path config_home(const Getenv& env) {
    if (auto x = env("XDG_CONFIG_HOME")) return *x;
    return home(env) / ".config";
}
}  // namespace

fs::path config_dir(const Getenv& env) {
    return config_home(env) / "primordial";
}

fs::path state_dir(const Getenv& env) {
    if (auto x = env("XDG_STATE_HOME")) return fs::path(*x) / "primordial";
    return home(env) / ".local" / "state" / "primordial";
}

fs::path data_dir(const Getenv& env) {
    if (auto x = env("XDG_DATA_HOME")) return fs::path(*x) / "primordial";
    return home(env) / ".local" / "share" / "primordial";
}

fs::path default_screenshot_dir(const Getenv& env) {
    // user-dirs.dirs lines look like: XDG_PICTURES_DIR="$HOME/Pictures"
    fs::path pictures = home(env) / "Pictures";
    std::ifstream in(config_home(env) / "user-dirs.dirs");
    std::string line;
    const std::string key = "XDG_PICTURES_DIR=\"";
    while (std::getline(in, line)) {
        if (line.rfind(key, 0) != 0) continue;
        std::string v = line.substr(key.size());
        if (v.empty() || v.back() != '"') continue;
        v.pop_back();
        if (v.rfind("$HOME", 0) == 0) v = home(env).string() + v.substr(5);
        if (!v.empty() && v[0] == '/') pictures = v;
    }
    return pictures / "Primordial";
}

fs::path unique_screenshot_path(const fs::path& dir, std::chrono::system_clock::time_point when) {
    const std::time_t t = std::chrono::system_clock::to_time_t(when);
    std::tm tm{};
    localtime_r(&t, &tm);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
    const std::string base = std::string("primordial-") + stamp;
    fs::path p = dir / (base + ".png");
    for (int n = 2; fs::exists(p); ++n) p = dir / (base + "-" + std::to_string(n) + ".png");
    return p;
}

}  // namespace primordial::app
