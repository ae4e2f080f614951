#include "live/midi_map.hpp"

#include <algorithm>
#include <cmath>

namespace primordial::live {

void MidiMap::learn(ControlId control, double lo, double hi) {
    const std::lock_guard lock(mutex_);
    learning_ = MidiBinding{0, 0, control, lo, hi};
}

void MidiMap::cancel_learning() {
    const std::lock_guard lock(mutex_);
    learning_.reset();
}

std::optional<ControlId> MidiMap::learning() const {
    const std::lock_guard lock(mutex_);
    if (!learning_) return std::nullopt;
    return learning_->control;
}

MidiMap::Outcome MidiMap::control_change(int channel, int controller, int value) {
    const std::lock_guard lock(mutex_);
    Outcome out;
    if (learning_) {
        MidiBinding b = *learning_;
        b.channel = channel;
        b.controller = controller;
        learning_.reset();
        std::erase_if(bindings_, [&](const MidiBinding& o) {
            return (o.channel == channel && o.controller == controller) || o.control == b.control;
        });
        if (bindings_.size() < kMaxMidiBindings) bindings_.push_back(b);
        out.learnt = b;
        return out;
    }
    for (const MidiBinding& b : bindings_)
        if (b.channel == channel && b.controller == controller) {
            out.message = binding_message(b, value);
            break;
        }
    return out;
}

std::vector<MidiBinding> MidiMap::bindings() const {
    const std::lock_guard lock(mutex_);
    return bindings_;
}

void MidiMap::set_bindings(std::vector<MidiBinding> b) {
    const std::lock_guard lock(mutex_);
    if (b.size() > kMaxMidiBindings) b.resize(kMaxMidiBindings);
    bindings_ = std::move(b);
}

Message binding_message(const MidiBinding& b, int value) {
    const double t = std::clamp(value, 0, 127) / 127.0;
    const double v = b.lo + (b.hi - b.lo) * t;
    const Control& c = control(b.control);
    Message m;
    m.address = std::string(kAddressPrefix) + std::string(c.name);
    if (c.kind == ArgKind::whole)
        m.args.emplace_back(static_cast<std::int64_t>(std::llround(v)));
    else
        m.args.emplace_back(v);
    return m;
}

}  // namespace primordial::live
