// Base64 (RFC 4648, with padding) for binary data carried in text: a web page's weights.
#pragma once

#include <cstddef>
#include <string>

namespace primordial::share {

std::string base64(const void* data, std::size_t bytes);

}  // namespace primordial::share
