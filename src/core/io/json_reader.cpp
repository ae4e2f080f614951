#include "core/io/json_reader.hpp"

#include <algorithm>
#include <cmath>
#include <set>
#include <vector>

namespace primordial::core {

std::string key_path(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}

Json JsonReader::parse(std::string_view text) const {
    // The parser itself keeps its own stack, but what reads the result (and nlohmann's dump)
    // recurses: nesting is limited here, before anything deeper is built. Each object's keys are
    // checked as they come, so a key given twice is named rather than silently overwritten.
    struct Frame {
        std::set<std::string> keys;
        std::string key;  // the key being read in this object
    };
    std::vector<Frame> objects;
    const auto where = [&] {
        std::string path;
        for (const Frame& f : objects) path = key_path(path, f.key);
        return path;
    };
    const auto check = [&](int depth, Json::parse_event_t event, Json& parsed) {
        if (depth > kMaxJsonDepth)
            throw InputError(source_ + ": nested deeper than " + std::to_string(kMaxJsonDepth) +
                             " levels, more than any Primordial file");
        switch (event) {
            case Json::parse_event_t::object_start:
                objects.emplace_back();
                break;
            case Json::parse_event_t::object_end:
                if (!objects.empty()) objects.pop_back();
                break;
            case Json::parse_event_t::key: {
                Frame& f = objects.back();
                f.key = parsed.get<std::string>();
                if (!f.keys.insert(f.key).second) fail(where(), "given twice");
                break;
            }
            default:
                break;
        }
        return true;
    };
    try {
        return Json::parse(text.begin(), text.end(), check);
    } catch (const Json::exception& e) {
        // Syntax errors and number overflow; nlohmann's message carries the byte position.
        std::string what = e.what();
        const auto pos = what.find("] ");
        if (pos != std::string::npos) what = what.substr(pos + 2);
        throw InputError(source_ + ": not valid JSON: " + what);
    }
}

void JsonReader::fail(const std::string& key, const std::string& problem) const {
    throw InputError(source_ + ": " + key + ": " + problem);
}

void JsonReader::object(const Json& obj, const std::string& path,
                        std::initializer_list<std::string_view> allowed) const {
    if (!obj.is_object()) {
        if (path.empty()) throw InputError(source_ + ": the file must hold a JSON object");
        fail(path, "must be an object");
    }
    for (const auto& [k, v] : obj.items())
        if (std::find(allowed.begin(), allowed.end(), k) == allowed.end())
            fail(key_path(path, k), "unknown key");
}

const Json& JsonReader::required(const Json& obj, const std::string& path, std::string_view key,
                                 std::string_view expected) const {
    const auto it = obj.find(key);
    if (it == obj.end())
        fail(key_path(path, key),
             expected.empty() ? "missing" : "missing (expected " + std::string(expected) + ")");
    return *it;
}

double JsonReader::number(const Json& v, const std::string& key) const {
    if (!v.is_number()) fail(key, "must be a number");
    const double d = v.get<double>();
    if (!std::isfinite(d)) fail(key, "must be finite");
    return d;
}

float JsonReader::small_float(const Json& v, const std::string& key) const {
    const double d = number(v, key);
    if (std::abs(d) > 1e30) fail(key, "values must be within +-1e30");
    return static_cast<float>(d);
}

long long JsonReader::integer(const Json& v, const std::string& key, long long lo,
                              long long hi) const {
    if (!v.is_number_integer()) fail(key, "must be a whole number");
    const std::string range = "must be between " + std::to_string(lo) + " and " +
                              std::to_string(hi) + " (got " + v.dump() + ")";
    if (v.is_number_unsigned() && v.get<unsigned long long>() > static_cast<unsigned long long>(hi))
        fail(key, range);
    const long long i = v.get<long long>();
    if (i < lo || i > hi) fail(key, range);
    return i;
}

int JsonReader::whole(const Json& v, const std::string& key, Setting s) const {
    const Range& r = range(s);
    return static_cast<int>(
        integer(v, key, static_cast<long long>(r.lo), static_cast<long long>(r.hi)));
}

double JsonReader::real(const Json& v, const std::string& key, Setting s) const {
    const double d = number(v, key);
    if (const std::string problem = range_problem(s, d); !problem.empty()) fail(key, problem);
    return d;
}

std::uint64_t JsonReader::seed(const Json& v, const std::string& key) const {
    if (!v.is_number_integer() || (!v.is_number_unsigned() && v.get<long long>() < 0))
        fail(key, "must be a whole number >= 0");
    return v.get<std::uint64_t>();
}

bool JsonReader::boolean(const Json& v, const std::string& key) const {
    if (!v.is_boolean()) fail(key, "must be true or false");
    return v.get<bool>();
}

std::string JsonReader::text(const Json& v, const std::string& key) const {
    if (!v.is_string() || v.get<std::string>().empty()) fail(key, "must be a non-empty string");
    return v.get<std::string>();
}

std::pair<double, double> JsonReader::number_pair(const Json& v, const std::string& key) const {
    if (!v.is_array() || v.size() != 2) fail(key, "must be a list of two numbers");
    return {number(v[0], key), number(v[1], key)};
}

}  // namespace primordial::core
