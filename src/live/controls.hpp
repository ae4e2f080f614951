// Live control: what OSC and MIDI can drive, in one table. Every control has an address,
// /primordial/<name>, the arguments a user would send (a whole number, a number, a name, two
// numbers, or none), and the range the panel keeps it in; a message becomes a LiveValue within
// that range (and a note when it had to be brought there), or a one-line problem.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/net/limits.hpp"

namespace primordial::live {

inline constexpr std::string_view kAddressPrefix = "/primordial/";

// What a control takes.
enum class ArgKind {
    whole,    // one whole number (i, h, or a whole f or d)
    real,     // one number (i, h, f, d)
    pair,     // two numbers
    name,     // one name from the control's list (s)
    trigger,  // nothing (any arguments are ignored)
};

enum class ControlId {
    seed,
    depth,
    width,
    scale,
    bias_scale,
    activation,
    output_activation,
    extent,
    center,
    z,
    t,
    view,
    colormap,
    bookmark,
    export_picture,
    autopilot,
    state,
};

struct Control {
    ControlId id;
    std::string_view name;  // the address is kAddressPrefix + name
    ArgKind kind;
    std::optional<core::Setting> range;  // the panel's limits
    std::string_view help;               // for docs/LIVE.md and `explore --help`
};

inline constexpr Control kControlTable[] = {
    {ControlId::seed, "seed", ArgKind::whole, {}, "the network's seed, 0 to 2^64 - 1"},
    {ControlId::depth, "depth", ArgKind::whole, core::Setting::depth, "layers, output included"},
    {ControlId::width, "width", ArgKind::whole, core::Setting::width, "units per hidden layer"},
    {ControlId::scale, "scale", ArgKind::real, core::Setting::scale, "the weight scale"},
    {ControlId::bias_scale, "bias_scale", ArgKind::real, core::Setting::bias_scale,
     "the hidden layers' bias scale"},
    {ControlId::activation, "activation", ArgKind::name, {}, "the hidden layers' activation"},
    {ControlId::output_activation,
     "output_activation",
     ArgKind::name,
     {},
     "the output layer's activation"},
    {ControlId::extent, "extent", ArgKind::real, core::Setting::extent,
     "half the span of the shorter side (zoom)"},
    {ControlId::center, "center", ArgKind::pair, core::Setting::center, "the view's centre x, y"},
    {ControlId::z, "z", ArgKind::real, core::Setting::z, "the z input"},
    {ControlId::t, "t", ArgKind::real, core::Setting::t, "the loop phase, in turns"},
    {ControlId::view, "view", ArgKind::name, {}, "what is shown: picture, grid, phase, ..."},
    {ControlId::colormap, "colormap", ArgKind::name, {}, "a grey network's colours"},
    {ControlId::bookmark, "bookmark", ArgKind::whole, {}, "open bookmark N (1 = the first)"},
    {ControlId::export_picture, "export", ArgKind::trigger, {}, "export the picture (as E)"},
    {ControlId::autopilot,
     "autopilot",
     ArgKind::whole,
     {},
     "1: present with the autopilot; 0: stop"},
    {ControlId::state,
     "state",
     ArgKind::trigger,
     {},
     "reply to the sender with /primordial/state s <the copied state's JSON>"},
};

const Control* find_control(std::string_view address);  // by full address; nullptr if none
const Control& control(ControlId id);                   // every id has its row (a test checks)
// The OSC type tags a control takes, as docs/LIVE.md lists them: "i", "f", "f f", "s", "(none)".
std::string_view arg_types(ArgKind k);

// One argument as received.
using Arg = std::variant<std::int64_t, double, std::string>;

// A message as received: the address, its arguments, and who sent it ("" when unknown).
struct Message {
    std::string address;
    std::vector<Arg> args;
    std::string sender;  // an osc.udp:// URL to reply to
};

// A message read as its control's value, within the control's range.
struct Value {
    const Control* control = nullptr;
    std::uint64_t whole = 0;    // seed, depth, width, bookmark, autopilot
    double number[2] = {0, 0};  // real (number[0]) and pair
    std::string name;           // name: checked against the control's table
    std::string note;           // how the value was brought within range ("" when it was)
    std::string sender;
};

// The value `m` asks for, or the problem with it ("/primordial/depth: expected a whole number").
std::variant<Value, std::string> interpret(const Message& m);

}  // namespace primordial::live
