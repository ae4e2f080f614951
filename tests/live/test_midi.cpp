#include <doctest/doctest.h>

#include "live/inbox.hpp"
#include "live/midi_input.hpp"
#include "live/midi_map.hpp"

using namespace primordial::live;

TEST_CASE("MIDI learn: the next control change binds, then drives the control over its range") {
    MidiMap map;
    CHECK(!map.control_change(0, 7, 64).message);  // nothing bound: nothing happens
    map.learn(ControlId::scale, 0.1, 3.0);
    CHECK(map.learning() == ControlId::scale);
    const MidiMap::Outcome learnt = map.control_change(2, 21, 90);
    CHECK(!learnt.message);  // the knob that teaches drives nothing yet
    REQUIRE(learnt.learnt);
    CHECK(*learnt.learnt == MidiBinding{2, 21, ControlId::scale, 0.1, 3.0});
    CHECK(!map.learning());

    const auto at = [&](int value) {
        const auto m = map.control_change(2, 21, value).message;
        REQUIRE(m);
        CHECK(m->address == "/primordial/scale");
        return std::get<double>(m->args[0]);
    };
    CHECK(at(0) == doctest::Approx(0.1));
    CHECK(at(127) == doctest::Approx(3.0));
    CHECK(at(64) == doctest::Approx(0.1 + 2.9 * 64 / 127.0));
    CHECK(!map.control_change(3, 21, 64).message);  // another channel

    // A whole-numbered control gets whole numbers; the values pass the same checks as OSC's.
    map.learn(ControlId::depth, 1, 64);
    map.control_change(0, 1, 0);
    const auto depth = map.control_change(0, 1, 127).message;
    REQUIRE(depth);
    CHECK(std::get<std::int64_t>(depth->args[0]) == 64);
    CHECK(std::get<Value>(interpret(*depth)).whole == 64);

    // Relearning a controller or a control replaces its binding.
    map.learn(ControlId::z, -3, 3);
    map.control_change(2, 21, 0);
    const auto b = map.bindings();
    REQUIRE(b.size() == 2);
    CHECK(b[0].control == ControlId::depth);
    CHECK(b[1] == MidiBinding{2, 21, ControlId::z, -3, 3});
    map.set_bindings({});
    CHECK(!map.control_change(2, 21, 10).message);
}

TEST_CASE("MIDI input: control changes reach the inbox; no sequencer is said quietly") {
    Inbox inbox;
    MidiMap map;
    MidiInput midi(inbox, map);  // here usually no ALSA sequencer at all
    CHECK(!midi.status().empty());
    CHECK((midi.status().find("MIDI") != std::string::npos));
    map.learn(ControlId::z, -3, 3);
    const unsigned char learn[] = {0xB1, 10, 5};
    midi.on_bytes(learn, 3);
    const unsigned char turn[] = {0xB1, 10, 127};
    midi.on_bytes(turn, 3);
    const unsigned char note[] = {0x91, 60, 100};  // a note: not a control change
    midi.on_bytes(note, 3);
    const Inbox::Batch b = inbox.take();
    REQUIRE(b.learnt.size() == 1);
    CHECK(b.learnt[0].channel == 1);
    REQUIRE(b.messages.size() == 1);
    CHECK(b.messages[0].address == "/primordial/z");
    CHECK(std::get<double>(b.messages[0].args[0]) == doctest::Approx(3.0));
}
