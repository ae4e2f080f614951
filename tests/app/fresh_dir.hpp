// A fresh, empty folder for one app test under the build tree's tmp/app.
#pragma once

#include <filesystem>
#include <string>

inline std::filesystem::path fresh(const std::string& name) {
    const std::filesystem::path d = std::filesystem::path(PRIMORDIAL_TEST_TMP) / "app" / name;
    std::filesystem::remove_all(d);
    std::filesystem::create_directories(d);
    return d;
}
