// libFuzzer target: command-line values (numbers, seeds, sizes, pairs) answer any text with a
// value or an InputError naming the flag.
#include <cstddef>
#include <cstdint>
#include <string>

#include "cli/options.hpp"
#include "core/net/limits.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace core = primordial::core;
    namespace cli = primordial::cli;
    const std::string text(reinterpret_cast<const char*>(data), size);
    const auto each = [&](auto parse) {
        try {
            parse();
        } catch (const core::InputError&) {
        }
    };
    each([&] { (void)cli::parse_double("--scale", text); });
    each([&] { (void)cli::parse_int("--depth", text); });
    each([&] { (void)cli::parse_seed("--seed", text); });
    each([&] { (void)cli::parse_size("--size", text); });
    each([&] { (void)cli::parse_pair("--center", text); });
    each([&] { (void)core::parse_seed(text); });
    return 0;
}
