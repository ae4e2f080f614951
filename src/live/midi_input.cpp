#include "live/midi_input.hpp"

#include <rtmidi/RtMidi.h>

#include <filesystem>

namespace primordial::live {
namespace {

void on_midi(double, std::vector<unsigned char>* bytes, void* self) {
    static_cast<MidiInput*>(self)->on_bytes(bytes->data(), bytes->size());
}

void on_midi_error(RtMidiError::Type, const std::string&, void*) {
    // rtmidi would print to stderr: a missing sequencer is said once, in status().
}

}  // namespace

MidiInput::MidiInput(Inbox& inbox, MidiMap& map) : inbox_(inbox), map_(map) {
    // Without the sequencer device rtmidi would print its own error before throwing.
    std::error_code ec;
    if (!std::filesystem::exists("/dev/snd/seq", ec)) {
        status_ = "no MIDI (the ALSA sequencer is not available)";
        return;
    }
    try {
        RtMidiIn probe(RtMidi::LINUX_ALSA, "Primordial");
        const unsigned n = probe.getPortCount();
        for (unsigned i = 0; i < n; ++i) {
            auto in = std::make_unique<RtMidiIn>(RtMidi::LINUX_ALSA, "Primordial");
            in->setErrorCallback(on_midi_error, nullptr);
            const std::string name = in->getPortName(i);
            in->openPort(i, "Primordial in");
            in->setCallback(on_midi, this);
            in->ignoreTypes(true, true, true);  // sysex, timing, active sensing
            ports_.push_back(name);
            inputs_.push_back(std::move(in));
        }
        status_ = ports_.empty() ? "no MIDI inputs"
                                 : std::to_string(ports_.size()) + " MIDI input" +
                                       (ports_.size() == 1 ? "" : "s");
    } catch (const RtMidiError&) {
        inputs_.clear();
        ports_.clear();
        status_ = "no MIDI (the ALSA sequencer is not available)";
    }
}

// Closing each port (in RtMidiIn's destructor) joins its thread before `this` goes.
MidiInput::~MidiInput() = default;

void MidiInput::on_bytes(const unsigned char* bytes, std::size_t size) {
    // Control change: 0xBn controller value.
    if (size != 3 || (bytes[0] & 0xF0) != 0xB0) return;
    MidiMap::Outcome o = map_.control_change(bytes[0] & 0x0F, bytes[1] & 0x7F, bytes[2] & 0x7F);
    if (o.message) inbox_.push(std::move(*o.message));
    if (o.learnt) inbox_.learnt(*o.learnt);
}

}  // namespace primordial::live
