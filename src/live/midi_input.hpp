// MIDI inputs through rtmidi (ALSA): every input port is opened, and control changes go through
// the map into the inbox. No MIDI device, or no ALSA sequencer at all, is the usual case: the
// status says so in a word and nothing else happens.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "live/inbox.hpp"
#include "live/midi_map.hpp"

class RtMidiIn;

namespace primordial::live {

class MidiInput {
public:
    MidiInput(Inbox& inbox, MidiMap& map);
    ~MidiInput();
    MidiInput(const MidiInput&) = delete;
    MidiInput& operator=(const MidiInput&) = delete;

    const std::vector<std::string>& ports() const { return ports_; }
    // "2 MIDI inputs", "no MIDI inputs", "no MIDI (the ALSA sequencer is not available)".
    const std::string& status() const { return status_; }

    // A MIDI message's bytes, as rtmidi hands them over (any thread).
    void on_bytes(const unsigned char* bytes, std::size_t size);

private:
    Inbox& inbox_;
    MidiMap& map_;
    std::vector<std::unique_ptr<RtMidiIn>> inputs_;
    std::vector<std::string> ports_;
    std::string status_;
};

}  // namespace primordial::live
