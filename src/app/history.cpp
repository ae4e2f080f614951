#include "app/history.hpp"

#include <algorithm>

namespace primordial::app {

History::History(core::State initial, std::size_t limit) : limit_(std::max<std::size_t>(2, limit)) {
    states_.push_back(std::move(initial));
}

History::History(SavedHistory saved, core::State initial, std::size_t limit)
    : limit_(std::max<std::size_t>(2, limit)) {
    if (saved.states.empty() || saved.at >= saved.states.size()) {
        states_.push_back(std::move(initial));
        return;
    }
    states_ = std::move(saved.states);
    at_ = saved.at;
    while (states_.size() > limit_) {  // oldest first; the current one is never dropped
        if (at_ == 0) {
            states_.pop_back();
            continue;
        }
        states_.erase(states_.begin());
        --at_;
    }
    record(initial, false);
}

SavedHistory History::saved(std::size_t keep) const {
    keep = std::max<std::size_t>(1, keep);
    // The current state and the steps before it first; redo steps with what room is left.
    const std::size_t first = at_ + 1 > keep ? at_ + 1 - keep : 0;
    const std::size_t last = std::min(states_.size(), first + keep);
    return {{states_.begin() + static_cast<std::ptrdiff_t>(first),
             states_.begin() + static_cast<std::ptrdiff_t>(last)},
            at_ - first};
}

void History::record(const core::State& s, bool continuing) {
    if (s == states_[at_]) {
        open_ = open_ && continuing;
        return;
    }
    states_.resize(at_ + 1);  // a new change drops what could have been redone
    if (continuing && open_ && at_ > 0) {
        states_[at_] = s;
    } else {
        states_.push_back(s);
        ++at_;
    }
    open_ = continuing;
    if (states_.size() > limit_) {
        states_.erase(states_.begin());
        --at_;
    }
}

const core::State& History::undo() {
    open_ = false;
    if (can_undo()) --at_;
    return states_[at_];
}

const core::State& History::redo() {
    open_ = false;
    if (can_redo()) ++at_;
    return states_[at_];
}

core::State tracked_state(const core::Params& params, const core::ViewSpec& view) {
    core::State s{params, view};
    s.params.image_width = s.params.image_height = 0;
    return s;
}

}  // namespace primordial::app
