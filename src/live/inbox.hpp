// What arrived from OSC and MIDI since the last frame, for the frame to take: the latest
// message per address (a flood of one slider's values is one value a frame), in the order the
// addresses first came, and the problems met (malformed packets, too many addresses). Safe to
// fill from any thread; bounded whatever arrives.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <vector>

#include "live/controls.hpp"
#include "live/midi_map.hpp"

namespace primordial::live {

inline constexpr std::size_t kMaxPendingAddresses = 64;
inline constexpr std::size_t kMaxPendingProblems = 8;

class Inbox {
public:
    // Called (on the sending thread) when something arrives in an empty inbox, so the window
    // wakes for it; none: set it empty before what it calls goes away.
    void set_wake(std::function<void()> wake);
    void push(Message m);
    void problem(std::string what);
    void learnt(const MidiBinding& b);  // MIDI learn bound a controller
    // Everything since the last take, and how many messages it stands for.
    struct Batch {
        std::vector<Message> messages;
        std::vector<std::string> problems;
        std::vector<MidiBinding> learnt;
        std::size_t received = 0;
    };
    Batch take();

private:
    bool empty() const {
        return pending_.received == 0 && pending_.problems.empty() && pending_.learnt.empty();
    }

    std::mutex mutex_;
    Batch pending_;
    std::function<void()> wake_;
};

}  // namespace primordial::live
