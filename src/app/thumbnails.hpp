// Small pictures of files (Primordial PNGs, parameter files, pages), made off the interface thread
// (a file is outside bytes, and a parameter file's network has to be drawn) and uploaded to
// textures on it. Bookmarks and the file browser each keep one.
#pragma once

#include <cstdint>
#include <filesystem>
#include <future>
#include <map>
#include <memory>
#include <string>

#include "core/io/png_io.hpp"
#include "gpu/display.hpp"

namespace primordial::app {

// A thumbnail at most `side` pixels a side: a PNG's pixels scaled down (refused past
// `max_pixels`, by its header), or a parameter file's network drawn by the CPU evaluator.
// Throws InputError for a file that holds neither.
core::PngImage make_thumbnail(const std::filesystem::path& file, int side, std::int64_t max_pixels);

class Thumbnails {
public:
    Thumbnails(int side, std::int64_t max_pixels) : side_(side), max_pixels_(max_pixels) {}
    // The texture of `file`'s thumbnail: 0 while it is being made (a few at a time), and for a
    // file it could not be made of (tried once).
    unsigned texture(const std::filesystem::path& file);
    void forget(const std::filesystem::path& file);

private:
    struct Entry {
        std::future<core::PngImage> making;
        std::unique_ptr<gpu::ImageTexture> texture;
        bool started = false;
    };
    int side_;
    std::int64_t max_pixels_;
    std::map<std::string, Entry> entries_;
    int in_flight_ = 0;
};

}  // namespace primordial::app
