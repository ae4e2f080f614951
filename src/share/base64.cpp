#include "share/base64.hpp"

#include <cstdint>

namespace primordial::share {

std::string base64(const void* data, std::size_t bytes) {
    static constexpr char kDigits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    const auto* p = static_cast<const std::uint8_t*>(data);
    std::string out;
    out.reserve((bytes + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes; i += 3) {
        const std::uint32_t n = (std::uint32_t(p[i]) << 16) |
                                (i + 1 < bytes ? std::uint32_t(p[i + 1]) << 8 : 0) |
                                (i + 2 < bytes ? std::uint32_t(p[i + 2]) : 0);
        out += kDigits[(n >> 18) & 63];
        out += kDigits[(n >> 12) & 63];
        out += i + 1 < bytes ? kDigits[(n >> 6) & 63] : '=';
        out += i + 2 < bytes ? kDigits[n & 63] : '=';
    }
    return out;
}

}  // namespace primordial::share
