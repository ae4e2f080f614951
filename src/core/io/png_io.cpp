#include "core/io/png_io.hpp"

#include <png.h>
#include <zlib.h>

#include <cerrno>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <stdexcept>

#include "core/io/interrupt.hpp"
#include "core/net/params.hpp"
#include "core/version.hpp"

namespace primordial::core {
namespace {

// libpng reports errors by longjmp; these trampolines keep every setjmp frame free of C++
// objects with destructors.
struct ErrorSink {
    char message[256] = "";
    std::FILE* out = nullptr;       // writing: where the bytes go (a file) ...
    std::string* buffer = nullptr;  // ... or memory
    int write_errno = 0;            // writing: why they did not (ENOSPC ...)
};

// libpng's own writer says only "Write Error": this one keeps errno for the message.
void on_write(png_structp png, png_bytep data, std::size_t size) {
    auto* sink = static_cast<ErrorSink*>(png_get_io_ptr(png));
    if (sink->buffer) {
        sink->buffer->append(reinterpret_cast<const char*>(data), size);
        return;
    }
    errno = 0;
    if (std::fwrite(data, 1, size, sink->out) != size) {
        sink->write_errno = errno ? errno : EIO;
        png_error(png, "write failed");
    }
}
void on_flush(png_structp) {}

void on_error(png_structp png, png_const_charp msg) {
    auto* sink = static_cast<ErrorSink*>(png_get_error_ptr(png));
    std::snprintf(sink->message, sizeof sink->message, "%s", msg);
    png_longjmp(png, 1);
}
void on_warning(png_structp, png_const_charp) {}

}  // namespace

struct PngWriter::Impl {
    AtomicFile file;
    ErrorSink sink;
    png_structp png = nullptr;
    png_infop info = nullptr;
    explicit Impl(const std::filesystem::path& p) : file(p) { sink.out = file.stream(); }
    ~Impl() { png_destroy_write_struct(&png, &info); }
    std::string failure(const std::filesystem::path& path) const {
        return sink.write_errno ? file.failure(sink.write_errno)
                                : "cannot write " + path.string() + ": " + sink.message;
    }
};

namespace {

bool start_png(png_structp png, png_infop info, ErrorSink* sink, int w, int h, int depth,
               const std::string& text, const std::string& view) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_set_write_fn(png, sink, on_write, on_flush);
    png_set_IHDR(png, info, static_cast<png_uint_32>(w), static_cast<png_uint_32>(h), depth,
                 PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT,
                 PNG_FILTER_TYPE_DEFAULT);
    // Software first (PNG's registered keyword for the maker), then the parameters and view.
    const std::string software = kSoftware;
    png_text t[3]{};
    int n = 0;
    for (auto [key, value] : {std::pair{"Software", &software}, std::pair{kPngKeyword, &text},
                              std::pair{kPngViewKeyword, &view}}) {
        if (value->empty()) continue;
        t[n].compression = PNG_TEXT_COMPRESSION_NONE;
        t[n].key = const_cast<char*>(key);
        t[n].text = const_cast<char*>(value->c_str());
        t[n].text_length = value->size();
        ++n;
    }
    if (n > 0) png_set_text(png, info, t, n);
    png_write_info(png, info);
    if (depth == 16) png_set_swap(png);  // our samples are little-endian uint16
    return true;
}

bool write_png_rows(png_structp png, const unsigned char* rows, int n, std::size_t stride) {
    if (setjmp(png_jmpbuf(png))) return false;
    for (int r = 0; r < n; ++r) png_write_row(png, rows + static_cast<std::size_t>(r) * stride);
    return true;
}

bool end_png(png_structp png) {
    if (setjmp(png_jmpbuf(png))) return false;
    png_write_end(png, nullptr);
    return true;
}

}  // namespace

PngWriter::PngWriter(const std::filesystem::path& path, int width, int height,
                     std::string params_text, int bit_depth, std::string view_text)
    : impl_(std::make_unique<Impl>(path)),
      width_(width),
      height_(height),
      bit_depth_(bit_depth),
      path_(path) {
    if (bit_depth != 8 && bit_depth != 16) throw InputError("bit-depth: must be 8 or 16");
    impl_->png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &impl_->sink, on_error, on_warning);
    if (impl_->png) impl_->info = png_create_info_struct(impl_->png);
    if (!impl_->info) throw std::runtime_error("out of memory starting " + path.string());
    if (!start_png(impl_->png, impl_->info, &impl_->sink, width, height, bit_depth, params_text,
                   view_text))
        throw std::runtime_error(impl_->failure(path));
}

PngWriter::~PngWriter() = default;

void PngWriter::write_rows(const void* rows, int n) {
    check_interrupt();  // every streamed band: an interrupted poster stops here, its temp removed
    if (rows_written_ + n > height_) throw std::logic_error("PngWriter: too many rows");
    const std::size_t stride = static_cast<std::size_t>(width_) * 3 * (bit_depth_ / 8);
    if (!write_png_rows(impl_->png, static_cast<const unsigned char*>(rows), n, stride))
        throw std::runtime_error(impl_->failure(path_));
    rows_written_ += n;
}

void PngWriter::finish() {
    if (rows_written_ != height_) throw std::logic_error("PngWriter: image incomplete");
    if (!end_png(impl_->png)) throw std::runtime_error(impl_->failure(path_));
    impl_->file.commit();
}

bool has_png_signature(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    unsigned char sig[8] = {};
    in.read(reinterpret_cast<char*>(sig), 8);
    return in.gcount() == 8 && png_sig_cmp(sig, 0, 8) == 0;
}

std::string encode_png(const std::uint8_t* rgb, int width, int height,
                       const std::string& params_text) {
    std::string bytes;
    ErrorSink sink;
    sink.buffer = &bytes;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, &sink, on_error, on_warning);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    const std::size_t stride = static_cast<std::size_t>(width) * 3;
    const bool ok = info && start_png(png, info, &sink, width, height, 8, params_text, "") &&
                    write_png_rows(png, rgb, height, stride) && end_png(png);
    png_destroy_write_struct(&png, &info);
    if (!ok) throw std::runtime_error(std::string("cannot encode a PNG: ") + sink.message);
    return bytes;
}

namespace {

struct ReadState {
    ErrorSink sink;
    png_structp png = nullptr;
    png_infop info = nullptr;
    std::FILE* file = nullptr;
    ~ReadState() {
        png_destroy_read_struct(&png, &info, nullptr);
        if (file) std::fclose(file);
    }
};

// Reads the header and the chunks before the pixels; points `text` at the chunk `key`.
bool read_header(ReadState& s, const char* key, char** text, std::size_t* text_len) {
    if (setjmp(png_jmpbuf(s.png))) return false;
    png_init_io(s.png, s.file);
    png_read_info(s.png, s.info);
    png_textp texts = nullptr;
    int count = 0;
    png_get_text(s.png, s.info, &texts, &count);
    for (int i = 0; i < count; ++i)
        if (std::strcmp(texts[i].key, key) == 0) {
            *text = texts[i].text;
            *text_len = texts[i].text_length;
        }
    return true;
}

bool read_pixels(ReadState& s, unsigned char** rows) {
    if (setjmp(png_jmpbuf(s.png))) return false;
    png_set_expand(s.png);
    png_set_strip_16(s.png);
    png_set_strip_alpha(s.png);
    png_set_gray_to_rgb(s.png);
    png_read_update_info(s.png, s.info);
    png_read_image(s.png, rows);
    png_read_end(s.png, nullptr);
    return true;
}

// The chunks before the pixels, by their headers: this libpng allocates a text chunk of any
// declared size (png_set_chunk_malloc_max does not hold it back), so one claiming gigabytes is
// refused here, before libpng sees it. Leaves the file at its start.
void check_chunk_sizes(std::FILE* f, const std::filesystem::path& path) {
    long at = 8;  // after the signature
    for (;;) {
        unsigned char head[8];
        if (std::fseek(f, at, SEEK_SET) != 0 || std::fread(head, 1, 8, f) != 8) break;
        const std::uint32_t length = (std::uint32_t{head[0]} << 24) |
                                     (std::uint32_t{head[1]} << 16) |
                                     (std::uint32_t{head[2]} << 8) | head[3];
        if (length > kMaxTextFile)
            throw InputError(path.string() + ": damaged PNG (a chunk of " + std::to_string(length) +
                             " bytes)");
        if (std::memcmp(head + 4, "IDAT", 4) == 0 || std::memcmp(head + 4, "IEND", 4) == 0) break;
        at += 12 + static_cast<long>(length);  // length, type, data, CRC
    }
    std::rewind(f);
}

void open_for_read(ReadState& s, const std::filesystem::path& path) {
    if (!std::filesystem::exists(path)) throw InputError(path.string() + ": no such file");
    if (!has_png_signature(path)) throw InputError(path.string() + ": not a PNG file");
    s.file = std::fopen(path.c_str(), "rb");
    if (!s.file) throw InputError(path.string() + ": cannot be read");
    check_chunk_sizes(s.file, path);
    s.png = png_create_read_struct(PNG_LIBPNG_VER_STRING, &s.sink, on_error, on_warning);
    if (s.png) s.info = png_create_info_struct(s.png);
    if (!s.info) throw std::runtime_error("out of memory reading " + path.string());
    // Refuse absurd sizes before allocating: the picture's sides, and any one chunk (a text
    // chunk is a parameter file, held to the same limit; libpng's own default is none).
    png_set_user_limits(s.png, 1u << 16, 1u << 16);
    png_set_chunk_malloc_max(s.png, kMaxTextFile);
}

// Opens `path` and reads everything before the pixels; returns the text chunk `key`, if present.
std::optional<std::string> open_and_read_header(ReadState& s, const std::filesystem::path& path,
                                                const char* key = kPngKeyword) {
    open_for_read(s, path);
    char* text = nullptr;
    std::size_t len = 0;
    if (!read_header(s, key, &text, &len))
        throw InputError(path.string() + ": damaged PNG (" + s.sink.message + ")");
    if (!text) return std::nullopt;
    return std::string(text, len);
}

}  // namespace

namespace {

constexpr unsigned char kSignature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

std::uint32_t be32(const char* p) {
    const auto* u = reinterpret_cast<const unsigned char*>(p);
    return (std::uint32_t{u[0]} << 24) | (std::uint32_t{u[1]} << 16) | (std::uint32_t{u[2]} << 8) |
           u[3];
}

bool pixels_or_end(std::string_view type) {
    return type == "IDAT" || type == "IEND";
}

// A PNG read from its path, once, up to its pixels.
std::string read_head(const std::filesystem::path& path) {
    const std::string head = read_text_file(path, kMaxTextFile, png_head_size);
    if (!is_png(head)) throw InputError(path.string() + ": not a PNG file");
    return head;
}

}  // namespace

bool is_png(std::string_view bytes) {
    return bytes.size() >= 8 && std::memcmp(bytes.data(), kSignature, 8) == 0;
}

std::size_t png_head_size(std::string_view bytes) {
    if (!is_png(bytes)) return 0;
    // Walks the chunks read so far: length, type, data, CRC. A length beyond the text limit
    // stops the walk here; png_text() then calls the PNG damaged.
    std::size_t at = 8;
    while (at + 8 <= bytes.size()) {
        const std::uint32_t length = be32(bytes.data() + at);
        // The pixels' chunk header is kept: it is how png_text_chunk() knows the head is whole.
        if (pixels_or_end(bytes.substr(at + 4, 4)) || length > kMaxTextFile) return at + 8;
        at += 12 + std::size_t{length};
    }
    return 0;
}

std::optional<std::string> png_text_chunk(std::string_view head, std::string_view key,
                                          const std::string& source) {
    const auto damaged = [&](const std::string& why) {
        return InputError(source + ": damaged PNG (" + why + ")");
    };
    if (!is_png(head)) throw InputError(source + ": not a PNG file");
    std::optional<std::string> found;
    std::size_t at = 8;
    for (bool first = true;; first = false) {
        if (at + 8 > head.size()) throw damaged("it ends before its pixels");
        const std::uint32_t length = be32(head.data() + at);
        const std::string_view type = head.substr(at + 4, 4);
        if (length > kMaxTextFile) throw damaged("a chunk of " + std::to_string(length) + " bytes");
        if (first && type != "IHDR") throw damaged("no IHDR chunk first");
        if (pixels_or_end(type)) return found;
        if (at + 12 + length > head.size()) throw damaged("it ends before its pixels");
        const std::string_view data = head.substr(at + 8, length);
        const auto crc = static_cast<std::uint32_t>(
            crc32(crc32(0, reinterpret_cast<const Bytef*>(type.data()), 4),
                  reinterpret_cast<const Bytef*>(data.data()), static_cast<uInt>(length)));
        if (crc != be32(head.data() + at + 8 + length))
            throw damaged(std::string(type) + ": CRC error");
        if (type == "tEXt") {
            const auto nul = data.find('\0');
            if (nul != std::string_view::npos && data.substr(0, nul) == key)
                found = std::string(data.substr(nul + 1));
        }
        at += 12 + std::size_t{length};
    }
}

std::optional<std::string> read_png_params(const std::filesystem::path& path) {
    return png_text_chunk(read_head(path), kPngKeyword, path.string());
}

std::optional<std::string> read_png_view(const std::filesystem::path& path) {
    return png_text_chunk(read_head(path), kPngViewKeyword, path.string());
}

PngImage read_png(const std::filesystem::path& path, std::int64_t max_pixels) {
    ReadState s;
    PngImage img;
    img.params_text = open_and_read_header(s, path);
    img.width = static_cast<int>(png_get_image_width(s.png, s.info));
    img.height = static_cast<int>(png_get_image_height(s.png, s.info));
    if (max_pixels > 0 && std::int64_t{img.width} * img.height > max_pixels)
        throw InputError(path.string() + ": " + std::to_string(img.width) + "x" +
                         std::to_string(img.height) + " is larger than expected here");
    img.rgb.resize(static_cast<std::size_t>(img.width) * img.height * 3);
    std::vector<unsigned char*> rows(static_cast<std::size_t>(img.height));
    for (int r = 0; r < img.height; ++r)
        rows[r] = img.rgb.data() + static_cast<std::size_t>(r) * img.width * 3;
    if (!read_pixels(s, rows.data()))
        throw InputError(path.string() + ": damaged PNG (" + s.sink.message + ")");
    return img;
}

bool write_png(RowRenderer& r, const std::filesystem::path& path, const std::string& params_text,
               const Progress& progress, int band_rows, int bit_depth,
               const std::string& view_text) {
    PngWriter png(path, r.width(), r.height(), params_text, bit_depth, view_text);
    const std::size_t band_samples = static_cast<std::size_t>(r.width()) * 3 * band_rows;
    std::vector<std::uint8_t> band8(bit_depth == 8 ? band_samples : 0);
    std::vector<std::uint16_t> band16(bit_depth == 16 ? band_samples : 0);
    for (int row = 0; row < r.height(); row += band_rows) {
        const int n = std::min(band_rows, r.height() - row);
        if (bit_depth == 16) {
            r.render_rows16(row, row + n, band16.data());
            png.write_rows(band16.data(), n);
        } else {
            r.render_rows(row, row + n, band8.data());
            png.write_rows(band8.data(), n);
        }
        if (progress && !progress(double(row + n) / r.height())) return false;
    }
    png.finish();
    return true;
}

}  // namespace primordial::core
