// The GPU module's failure: a context that cannot be made, a shader that does not compile, a
// network over the device's limits. Front ends print what() and fall back or exit.
#pragma once

#include <stdexcept>

namespace primordial::gpu {

struct Error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

}  // namespace primordial::gpu
