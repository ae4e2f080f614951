#include <doctest/doctest.h>

#include <vector>

#include "app/frame_loop.hpp"

using namespace primordial::app;

namespace {

// A host that scripts what each frame says and records what the loop did.
struct ScriptedHost final : FrameHost {
    std::vector<Wake> wakes;      // what frames 0, 1, ... return; the loop stops after the last
    std::vector<bool> collected;  // what successive collect() calls return (then false)
    std::vector<char> log;        // p: poll, w: wait, c: collect, f: frame
    bool event_on_wait = false;
    std::size_t frames = 0, collects = 0;

    bool done() const override { return frames == wakes.size(); }
    void poll() override { log.push_back('p'); }
    bool wait(double) override {
        log.push_back('w');
        return event_on_wait;
    }
    bool collect() override {
        log.push_back('c');
        return collects < collected.size() && collected[collects++];
    }
    Wake frame() override {
        log.push_back('f');
        return wakes[frames++];
    }
};

}  // namespace

TEST_CASE("next_wake: at once while the frame itself refines, soon while threads do") {
    CHECK(next_wake(true, false, true, false) == Wake::now);    // a change is drawn at once
    CHECK(next_wake(false, true, false, false) == Wake::now);   // the shader refines in frames
    CHECK(next_wake(false, true, true, false) == Wake::soon);   // threads refine between frames
    CHECK(next_wake(false, false, false, true) == Wake::soon);  // a notice or statistics pending
    CHECK(next_wake(false, false, false, false) == Wake::on_event);
}

TEST_CASE("the loop draws while threads work only when they finished something") {
    ScriptedHost host;
    // Frame 0 leaves work to threads; the first look back finds nothing, the second something.
    host.wakes = {Wake::soon, Wake::on_event, Wake::now};
    host.collected = {false, true};
    run_frames(host);
    const std::vector<char> expected = {'p', 'f',            // the first frame, at once
                                        'w', 'c', 'w', 'c',  // nothing, then a finished level
                                        'f',                 // drawn
                                        'w', 'f'};           // then a wait for an event
    CHECK(host.log == expected);
}

TEST_CASE("an event while threads work draws a frame without asking them") {
    ScriptedHost host;
    host.wakes = {Wake::soon, Wake::now};
    host.event_on_wait = true;
    run_frames(host);
    CHECK(host.log == std::vector<char>{'p', 'f', 'w', 'f'});
}
