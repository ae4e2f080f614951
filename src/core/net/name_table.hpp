// Names of enum values for files, flags, messages and the panel: one table per enum, the single
// source of its values (in the order menus list them), its names and its "expected ..." list.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace primordial::core {

// A value and its name. A table whose rows say more about each value (the views' layouts)
// derives its rows from it, and every function here reads those tables too.
template <class E>
using NameEntry = std::pair<E, std::string_view>;

template <class Entry, std::size_t N, class E>
constexpr std::string_view name_of(const Entry (&table)[N], E e) {
    for (const auto& entry : table)
        if (entry.first == e) return entry.second;
    return "?";
}

template <class Entry, std::size_t N>
constexpr std::optional<decltype(Entry::first)> value_of(const Entry (&table)[N],
                                                         std::string_view s) {
    for (const auto& entry : table)
        if (entry.second == s) return entry.first;
    return std::nullopt;
}

namespace detail {

template <const auto& table>
constexpr std::size_t joined_size() {
    std::size_t n = 0;
    for (const auto& entry : table) n += entry.second.size() + 2;
    return n - 2;
}

template <const auto& table>
inline constexpr auto joined_chars = [] {
    std::array<char, joined_size<table>() + 1> out{};
    std::size_t i = 0;
    for (const auto& entry : table) {
        if (i > 0) out[i++] = ',', out[i++] = ' ';
        for (char c : entry.second) out[i++] = c;
    }
    return out;
}();

}  // namespace detail

// "a, b, c": the table's names for help texts and "expected ..." messages, made at compile time.
template <const auto& table>
inline constexpr std::string_view names_of{detail::joined_chars<table>.data(),
                                           detail::joined_size<table>()};

// The table's values in its order.
template <const auto& table>
inline constexpr auto values_of = [] {
    std::array<std::remove_cvref_t<decltype(table[0].first)>, std::size(table)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = table[i].first;
    return out;
}();

// Why `text` names nothing in the table: "unknown <what> 'text' (expected a, b, c)".
template <const auto& table>
std::string unknown_name(std::string_view what, std::string_view text) {
    return "unknown " + std::string(what) + " '" + std::string(text) + "' (expected " +
           std::string(names_of<table>) + ")";
}

}  // namespace primordial::core
