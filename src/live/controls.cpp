#include "live/controls.hpp"

#include <cmath>
#include <stdexcept>

#include "core/net/colormap.hpp"
#include "core/net/params.hpp"
#include "core/views/view_table.hpp"

namespace primordial::live {
namespace {

std::optional<double> as_number(const Arg& a) {
    if (const auto* i = std::get_if<std::int64_t>(&a)) return static_cast<double>(*i);
    if (const auto* d = std::get_if<double>(&a)) return *d;
    return std::nullopt;
}

// The name's problem against the control's table, or "".
std::string unknown(const Control& c, const std::string& name) {
    switch (c.id) {
        case ControlId::activation:
        case ControlId::output_activation:
            if (!core::parse_activation(name))
                return core::unknown_name<core::kActivationTable>("activation", name);
            break;
        case ControlId::view:
            if (!core::value_of(core::kViewKindTable, name))
                return core::unknown_name<core::kViewKindTable>("view", name);
            break;
        case ControlId::colormap:
            if (!core::value_of(core::kColorMapTable, name))
                return core::unknown_name<core::kColorMapTable>("colour map", name);
            break;
        default:
            break;
    }
    return "";
}

// A number brought within the control's range; the note says so.
double within(const Control& c, double v, std::string& note) {
    if (!c.range) return v;
    const core::Clamped k = core::clamp_to_range(*c.range, v);
    if (!k.note.empty()) note = k.note;
    return k.value;
}

}  // namespace

std::string_view arg_types(ArgKind k) {
    switch (k) {
        case ArgKind::whole:
            return "i";
        case ArgKind::real:
            return "f";
        case ArgKind::pair:
            return "f f";
        case ArgKind::name:
            return "s";
        case ArgKind::trigger:
            break;
    }
    return "(none)";
}

const Control& control(ControlId id) {
    for (const Control& c : kControlTable)
        if (c.id == id) return c;
    throw std::logic_error("a live control without a row in kControlTable");
}

const Control* find_control(std::string_view address) {
    if (address.substr(0, kAddressPrefix.size()) != kAddressPrefix) return nullptr;
    const std::string_view name = address.substr(kAddressPrefix.size());
    for (const Control& c : kControlTable)
        if (c.name == name) return &c;
    return nullptr;
}

std::variant<Value, std::string> interpret(const Message& m) {
    const Control* c = find_control(m.address);
    if (!c) return "unknown address " + m.address;
    const std::string at = m.address + ": ";
    Value v;
    v.control = c;
    v.sender = m.sender;
    switch (c->kind) {
        case ArgKind::trigger:
            return v;
        case ArgKind::name: {
            const auto* s = m.args.size() == 1 ? std::get_if<std::string>(&m.args[0]) : nullptr;
            if (!s) return at + "expected one name (s)";
            if (std::string why = unknown(*c, *s); !why.empty()) return at + why;
            v.name = *s;
            return v;
        }
        case ArgKind::pair: {
            const auto x = m.args.size() == 2 ? as_number(m.args[0]) : std::nullopt;
            const auto y = m.args.size() == 2 ? as_number(m.args[1]) : std::nullopt;
            if (!x || !y || !std::isfinite(*x) || !std::isfinite(*y))
                return at + "expected two numbers (f f)";
            v.number[0] = within(*c, *x, v.note);
            v.number[1] = within(*c, *y, v.note);
            return v;
        }
        case ArgKind::real: {
            const auto x = m.args.size() == 1 ? as_number(m.args[0]) : std::nullopt;
            if (!x || !std::isfinite(*x)) return at + "expected one number (f)";
            v.number[0] = within(*c, *x, v.note);
            return v;
        }
        case ArgKind::whole:
            break;
    }
    if (m.args.size() != 1) return at + "expected one whole number (i)";
    if (const auto* s = std::get_if<std::string>(&m.args[0])) {
        if (c->id != ControlId::seed) return at + "expected one whole number (i)";
        try {  // a seed beyond 2^31 may come as text
            v.whole = core::parse_seed(*s);
        } catch (const core::InputError& e) {
            return at + e.what();
        }
        return v;
    }
    const double x = *as_number(m.args[0]);
    if (!std::isfinite(x) || x != std::floor(x)) return at + "expected one whole number (i)";
    if (c->id == ControlId::seed && (x < 0 || x >= 18446744073709551616.0))
        return at + "a seed is a whole number from 0 to 2^64 - 1";
    if (c->id == ControlId::autopilot && x != 0 && x != 1) return at + "expected 0 or 1";
    if (c->id == ControlId::bookmark && (x < 1 || x > 1e6)) return at + "no such bookmark";
    const double kept = within(*c, x, v.note);
    v.whole = c->id == ControlId::seed && std::holds_alternative<std::int64_t>(m.args[0])
                  ? static_cast<std::uint64_t>(std::get<std::int64_t>(m.args[0]))
                  : static_cast<std::uint64_t>(kept);
    return v;
}

}  // namespace primordial::live
