// Undo and redo of every change to the explorer's parameters and view. A continuous gesture (a
// slider drag, a mouse drag, a burst of wheel turns) is one step: while it goes on, each new
// state replaces the step it started.
#pragma once

#include <cstddef>
#include <vector>

#include "core/io/preset.hpp"

namespace primordial::app {

// A history as it is kept between runs: its states, oldest first, and which one is current.
struct SavedHistory {
    std::vector<core::State> states;
    std::size_t at = 0;
};

class History {
public:
    explicit History(core::State initial, std::size_t limit = 1000);
    // Carries on from a saved history: its states come back, and `initial` (what the window opens
    // with: the saved state, or a file or flags given at the start) is recorded on top.
    History(SavedHistory saved, core::State initial, std::size_t limit = 1000);

    // The state after a change. `continuing`: part of the same gesture as the last record.
    // Recording the current state again does nothing.
    void record(const core::State& s, bool continuing);
    // The gesture going on, if any, ends: the next change is a step of its own.
    void end_gesture() { open_ = false; }
    bool can_undo() const { return at_ > 0; }
    bool can_redo() const { return at_ + 1 < states_.size(); }
    // The state to go back (or forward) to; the current one when there is none.
    const core::State& undo();
    const core::State& redo();
    const core::State& current() const { return states_[at_]; }
    std::size_t size() const { return states_.size(); }
    // At most `keep` states around the current one, to be saved.
    SavedHistory saved(std::size_t keep) const;

private:
    std::vector<core::State> states_;
    std::size_t at_ = 0;
    std::size_t limit_;
    bool open_ = false;  // the last state belongs to a gesture still going on
};

// The state the history tracks: what the user chose, without the window's picture size.
core::State tracked_state(const core::Params& params, const core::ViewSpec& view);

}  // namespace primordial::app
