// MIDI learn and mappings: a control change (channel, controller) drives one live control over
// a range, the range of the slider it was learnt on. Pure and thread-safe: the MIDI input's
// thread turns control changes into messages for the inbox, the window's thread learns and
// edits the bindings.
#pragma once

#include <mutex>
#include <optional>
#include <vector>

#include "live/controls.hpp"

namespace primordial::live {

struct MidiBinding {
    int channel = 0;     // 0-15
    int controller = 0;  // 0-127
    ControlId control = ControlId::scale;
    double lo = 0, hi = 1;  // what controller values 0 and 127 stand for
    bool operator==(const MidiBinding&) const = default;
};

inline constexpr std::size_t kMaxMidiBindings = 128;

class MidiMap {
public:
    // The next control change binds to `control` over [lo, hi] (replacing what that
    // controller drove before); learning another control first forgets this one.
    void learn(ControlId control, double lo, double hi);
    void cancel_learning();
    std::optional<ControlId> learning() const;

    // A control change: when learning, it becomes a binding (returned) and drives nothing;
    // otherwise the message it stands for, if the controller is bound.
    struct Outcome {
        std::optional<Message> message;
        std::optional<MidiBinding> learnt;
    };
    Outcome control_change(int channel, int controller, int value);

    std::vector<MidiBinding> bindings() const;
    void set_bindings(std::vector<MidiBinding> b);

private:
    mutable std::mutex mutex_;
    std::vector<MidiBinding> bindings_;
    std::optional<MidiBinding> learning_;
};

// A control change's value 0-127 on a binding's range: whole controls round to a whole number.
Message binding_message(const MidiBinding& b, int value);

}  // namespace primordial::live
