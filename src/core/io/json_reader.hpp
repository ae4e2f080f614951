// Reading Primordial's JSON files: one parser and one set of typed reads, so that every file
// (parameter files, presets, PNG chunks, copied states) says what is wrong in the same words, on
// one line: "<source>: <key>: <problem>". Inside core only: nlohmann is core's private dependency.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/net/limits.hpp"
#include "core/net/name_table.hpp"

namespace primordial::core {

using Json = nlohmann::ordered_json;

// No Primordial file nests deeper (a bred network's crosses nest four levels each).
inline constexpr int kMaxJsonDepth = 128;

// Where a key sits: key_path("network", "depth") is "network.depth"; at the top, just "depth".
std::string key_path(const std::string& path, std::string_view key);

class JsonReader {
public:
    explicit JsonReader(std::string source) : source_(std::move(source)) {}
    const std::string& source() const { return source_; }

    // Parses a whole document: trailing bytes, a key given twice or nesting deeper than
    // kMaxJsonDepth are errors ("<source>: <key>: given twice").
    Json parse(std::string_view text) const;
    [[noreturn]] void fail(const std::string& key, const std::string& problem) const;

    // `obj`, at `path` ("" for the whole file), must be an object of only these keys.
    void object(const Json& obj, const std::string& path,
                std::initializer_list<std::string_view> allowed) const;
    // obj[key], which must be there; `expected` says what it may be.
    const Json& required(const Json& obj, const std::string& path, std::string_view key,
                         std::string_view expected = {}) const;

    double number(const Json& v, const std::string& key) const;      // finite
    float small_float(const Json& v, const std::string& key) const;  // within +-1e30
    long long integer(const Json& v, const std::string& key, long long lo, long long hi) const;
    // A setting's value within its range from the limits table (limits.hpp).
    int whole(const Json& v, const std::string& key, Setting s) const;
    double real(const Json& v, const std::string& key, Setting s) const;
    std::uint64_t seed(const Json& v, const std::string& key) const;  // 0 to 2^64 - 1
    bool boolean(const Json& v, const std::string& key) const;
    std::string text(const Json& v, const std::string& key) const;  // not empty
    std::pair<double, double> number_pair(const Json& v, const std::string& key) const;

    // A name from an enum's table (core/name_table.hpp).
    template <const auto& table>
    auto name(const Json& v, const std::string& key) const {
        if (!v.is_string()) fail(key, "must be a name (" + std::string(names_of<table>) + ")");
        const std::string s = v.get<std::string>();
        const auto e = value_of(table, s);
        if (!e) fail(key, unknown_name<table>("value", s));
        return *e;
    }
    // One value, or a list of them: `read(element, key)` reads each.
    template <class Read>
    auto one_or_list(const Json& v, const std::string& key, Read read) const {
        std::vector<decltype(read(v, key))> out;
        if (!v.is_array()) {
            out.push_back(read(v, key));
        } else {
            for (const Json& e : v) out.push_back(read(e, key));
        }
        return out;
    }

private:
    std::string source_;
};

}  // namespace primordial::core
