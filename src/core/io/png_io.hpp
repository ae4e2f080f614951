// PNG files with the picture's parameters embedded in a tEXt chunk (keyword "primordial").
// libpng rather than stb_image_write: it streams rows (posters far larger than memory),
// writes text chunks and 16-bit samples, and reads them back.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/eval/row_renderer.hpp"
#include "core/io/atomic_file.hpp"

namespace primordial::core {

inline constexpr const char* kPngKeyword = "primordial";
// A second chunk for the explorer's view (grid, progression, ...) when the picture is one.
inline constexpr const char* kPngViewKeyword = "primordial-view";

// Streams an RGB PNG row by row into an AtomicFile; nothing appears at `path` until finish().
class PngWriter {
public:
    PngWriter(const std::filesystem::path& path, int width, int height, std::string params_text,
              int bit_depth = 8, std::string view_text = "");
    ~PngWriter();
    PngWriter(const PngWriter&) = delete;
    PngWriter& operator=(const PngWriter&) = delete;

    // `rows` holds n rows of width*3 samples (uint8, or native-endian uint16 at 16 bits).
    void write_rows(const void* rows, int n);
    void finish();
    const std::filesystem::path& path() const { return path_; }

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
    int width_, height_, bit_depth_, rows_written_ = 0;
    std::filesystem::path path_;
};

// An 8-bit RGB picture as PNG bytes in memory (Jupyter's _repr_png_), parameters embedded.
std::string encode_png(const std::uint8_t* rgb, int width, int height,
                       const std::string& params_text);

struct PngImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb;  // 8-bit RGB, row-major
    std::optional<std::string> params_text;
};

// Reads any PNG as 8-bit RGB. Throws InputError for a missing or malformed file, or (with
// max_pixels) one larger than that, told by its header before anything is decoded.
PngImage read_png(const std::filesystem::path& path, std::int64_t max_pixels = 0);
// Reads only the embedded parameters (stops before the pixels).
std::optional<std::string> read_png_params(const std::filesystem::path& path);
// Reads the embedded view, if the picture has one.
std::optional<std::string> read_png_view(const std::filesystem::path& path);
bool has_png_signature(const std::filesystem::path& path);

// PNGs in memory, for inputs read once (a pipe, standard input): see read_png_head().
bool is_png(std::string_view bytes);
// For read_text_file's `enough`: the length of a PNG's head (signature, the chunks before its
// pixels, the pixels' chunk header) once it has all been read; 0 until then, and for anything not a
// PNG.
std::size_t png_head_size(std::string_view bytes);
// The tEXt chunk `key` of a PNG's head; throws InputError naming `source` for a damaged one.
std::optional<std::string> png_text_chunk(std::string_view head, std::string_view key,
                                          const std::string& source);

// Renders band by band straight into the PNG encoder, so memory stays bounded at any size.
// `bit_depth` is 8 or 16. Returns false when cancelled.
// `view_text` (optional) is the explorer's view, stored in a chunk of its own.
bool write_png(RowRenderer& r, const std::filesystem::path& path, const std::string& params_text,
               const Progress& progress = {}, int band_rows = 64, int bit_depth = 8,
               const std::string& view_text = "");

}  // namespace primordial::core
