// libFuzzer target: PNG files from outside (opened pictures, bookmarks and their thumbnails):
// the tEXt parameter and view chunks, the pixels under a thumbnail's size limit, and the state a
// PNG opens as must answer any bytes with a value or an InputError.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "core/io/png_io.hpp"
#include "core/io/preset.hpp"
#include "core/net/params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace core = primordial::core;
    // The readers take a path: an anonymous in-memory file gives them one, with no disk.
    const int fd = memfd_create("fuzz.png", 0);
    if (fd < 0) return 0;
    if (::write(fd, data, size) != static_cast<ssize_t>(size)) {
        ::close(fd);
        return 0;
    }
    const std::string path = "/proc/self/fd/" + std::to_string(fd);
    try {
        (void)core::read_png(path, 256 * 256);
    } catch (const core::InputError&) {
    }
    try {
        (void)core::read_png_params(path);
        (void)core::read_png_view(path);
    } catch (const core::InputError&) {
    }
    try {
        (void)core::state_from_file(path);
    } catch (const core::InputError&) {
    }
    ::close(fd);
    return 0;
}
