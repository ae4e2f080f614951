// libFuzzer target: the parameter-file and preset parsers must answer any bytes with a value or
// an InputError; any other exception, crash or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/io/params_json.hpp"
#include "core/io/preset.hpp"
#include "core/net/params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        const auto p = primordial::core::params_from_json(text, "fuzz");
        // Whatever parses must serialise and parse back to the same value.
        if (!(primordial::core::params_from_json(primordial::core::params_to_json(p), "again") ==
              p))
            __builtin_trap();
    } catch (const primordial::core::InputError&) {
    }
    try {
        const auto preset = primordial::core::preset_from_json(text, "fuzz");
        const std::string view = primordial::core::view_to_json(preset.view);
        if (!(primordial::core::view_from_json(view, "again") == preset.view)) __builtin_trap();
    } catch (const primordial::core::InputError&) {
    }
    return 0;
}
