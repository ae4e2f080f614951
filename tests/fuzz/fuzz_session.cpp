// libFuzzer target: the explorer's saved session. Any bytes load as a session or as the
// defaults with a warning; nothing may throw, crash or trip a sanitizer.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "app/session.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const int fd = memfd_create("session.json", 0);
    if (fd < 0) return 0;
    if (::write(fd, data, size) == static_cast<ssize_t>(size)) {
        // A damaged session is renamed aside; under /proc/self/fd that rename fails harmlessly.
        const auto r = primordial::app::load_session("/proc/self/fd/" + std::to_string(fd), "/tmp");
        (void)r;
    }
    ::close(fd);
    return 0;
}
