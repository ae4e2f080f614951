// libFuzzer target: OSC packets from the network (explore --osc): messages and bundles, nested or
// truncated, must become inbox messages or problems, never a crash, a hang or deep recursion.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "live/controls.hpp"
#include "live/osc_receiver.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    namespace live = primordial::live;
    std::vector<unsigned char> bytes(data, data + size);  // liblo reads the buffer in place
    live::Inbox inbox;
    live::decode_packet(bytes.data(), bytes.size(), "127.0.0.1:9", inbox);
    for (const live::Message& m : inbox.take().messages) (void)live::interpret(m);
    return 0;
}
