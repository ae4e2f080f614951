// libFuzzer target: a copied state (what Ctrl+V pastes) and a shared page's parameters must
// answer any bytes with a state or an InputError; anything else is a bug.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/io/params_json.hpp"
#include "core/io/preset.hpp"
#include "core/net/params.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    namespace core = primordial::core;
    try {
        (void)core::state_from_text(text, "fuzz");
    } catch (const core::InputError&) {
    }
    try {
        if (const auto params = core::params_in_page(text))
            (void)core::state_from_text(*params, "page");
    } catch (const core::InputError&) {
    }
    return 0;
}
