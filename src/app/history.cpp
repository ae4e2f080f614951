#include "app/history.hpp"

#include <algorithm>

namespace primordial::app {

History::History(core::State initial, std::size_t limit) : limit_(std::max<std::size_t>(2, limit)) {
    states_.push_back(std::move(initial));
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
