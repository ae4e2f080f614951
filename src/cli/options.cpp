#include "cli/options.hpp"

namespace primordial::cli {

using core::InputError;

namespace {
[[noreturn]] void fail(const std::string& flag, const std::string& what) {
    throw InputError(flag + ": " + what);
}
}  // namespace

std::string range_note(core::Setting s) {
    return " (" + core::range_text(s) + ")";
}

CLI::Range setting_range(core::Setting s) {
    // Whole numbers, so that CLI11 says "1 to 4", not "1.000000 to 4.000000".
    return CLI::Range(static_cast<long long>(core::range(s).lo),
                      static_cast<long long>(core::range(s).hi));
}

double parse_double(const std::string& flag, const std::string& text) {
    try {
        return core::parse_real(text);
    } catch (const InputError& e) {
        fail(flag, e.what());
    }
}

long long parse_int(const std::string& flag, const std::string& text) {
    try {
        return core::parse_whole(text);
    } catch (const InputError& e) {
        fail(flag, e.what());
    }
}

std::uint64_t parse_seed(const std::string& flag, const std::string& text) {
    try {
        return core::parse_seed(text);
    } catch (const InputError& e) {
        fail(flag, e.what());
    }
}

std::pair<int, int> parse_size(const std::string& flag, const std::string& text) {
    const auto x = text.find('x');
    if (x == std::string::npos)
        fail(flag, "expected WIDTHxHEIGHT such as 1024x768 (got '" + text + "')");
    const long long w = parse_int(flag, text.substr(0, x));
    const long long h = parse_int(flag, text.substr(x + 1));
    core::check_setting(core::Setting::side, static_cast<double>(w), flag);
    core::check_setting(core::Setting::side, static_cast<double>(h), flag);
    return {static_cast<int>(w), static_cast<int>(h)};
}

std::pair<double, double> parse_pair(const std::string& flag, const std::string& text) {
    const auto parts = split_list(text);
    if (parts.size() != 2) fail(flag, "expected two numbers such as 0.5,-1 (got '" + text + "')");
    return {parse_double(flag, parts[0]), parse_double(flag, parts[1])};
}

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        const auto comma = text.find(',', start);
        out.push_back(text.substr(start, comma - start));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return out;
}

std::vector<int> parse_widths(const std::string& flag, const std::string& text) {
    std::vector<int> out;
    for (const auto& part : split_list(text)) {
        const long long w = parse_int(flag, part);
        core::check_setting(core::Setting::width, static_cast<double>(w), flag);
        out.push_back(static_cast<int>(w));
    }
    return out;
}

core::Activation parse_activation_flag(const std::string& flag, const std::string& text) {
    const auto a = core::parse_activation(text);
    if (!a) fail(flag, core::unknown_name<core::kActivationTable>("activation", text));
    return *a;
}

std::vector<core::Activation> parse_activations(const std::string& flag, const std::string& text) {
    std::vector<core::Activation> out;
    for (const auto& part : split_list(text)) out.push_back(parse_activation_flag(flag, part));
    return out;
}

std::vector<core::Input> parse_inputs(const std::string& flag, const std::string& text) {
    std::vector<core::Input> out;
    for (const auto& part : split_list(text)) {
        const auto i = core::parse_input(part);
        if (!i) fail(flag, core::unknown_name<core::kInputTable>("input", part));
        out.push_back(*i);
    }
    return out;
}

}  // namespace primordial::cli
