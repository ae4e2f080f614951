// What OSC and MIDI values do to the explorer: each control's value set in the state, through
// the same setters the sweeps use (core::with_value), within the panel's limits. What only the
// window can do (open a bookmark, present, reply with the state) comes back to it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/actions.hpp"
#include "live/controls.hpp"

namespace primordial::app {

struct LiveEffects {
    std::optional<std::size_t> bookmark;  // open this one (0 = the first)
    std::optional<bool> autopilot;        // present with the autopilot (true) or stop (false)
    std::vector<std::string> state_to;    // senders who asked for the state
    std::vector<std::string> notes;       // values brought within range, views unavailable
};

void apply_live(ExplorerState& s, const live::Value& v, LiveEffects& out);

}  // namespace primordial::app
