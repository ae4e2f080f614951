// Names of enum values for files, flags and messages: one table per enum, looked up both ways.
#pragma once

#include <optional>
#include <string_view>
#include <utility>

namespace primordial::core {

template <class E, std::size_t N>
constexpr std::string_view name_of(const std::pair<E, std::string_view> (&table)[N], E e) {
    for (const auto& [v, n] : table)
        if (v == e) return n;
    return "?";
}

template <class E, std::size_t N>
constexpr std::optional<E> value_of(const std::pair<E, std::string_view> (&table)[N],
                                    std::string_view s) {
    for (const auto& [v, n] : table)
        if (n == s) return v;
    return std::nullopt;
}

}  // namespace primordial::core
