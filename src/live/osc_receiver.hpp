// OSC over UDP: a socket bound to host:port (loopback unless told otherwise), read on a thread
// of its own. Each message, alone or in a bundle, is decoded by liblo and put in the inbox; a
// malformed packet becomes a problem there, never a crash. Replies (the state) go back to the
// sender from the same socket.
#pragma once

#include <atomic>
#include <string>
#include <thread>

#include "live/inbox.hpp"

namespace primordial::live {

inline constexpr std::size_t kMaxBundleDepth = 8;

class OscReceiver {
public:
    // Throws core::InputError ("--osc 80: cannot listen on 127.0.0.1:80: Permission denied").
    // Port 0 takes a free one (port() says which).
    OscReceiver(const std::string& host, int port, Inbox& inbox);
    ~OscReceiver();
    OscReceiver(const OscReceiver&) = delete;
    OscReceiver& operator=(const OscReceiver&) = delete;

    int port() const { return port_; }
    // Sends `address` with one string argument to `sender` (as a Message's sender says it).
    // Returns false when it could not be sent (too long, no such sender).
    bool reply(const std::string& sender, const std::string& address, const std::string& text);

private:
    void run();

    Inbox& inbox_;
    int fd_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

// A packet from `sender` into the inbox: a message, or a bundle's messages in order (nested
// bundles walked with a stack, at most kMaxBundleDepth deep); what cannot be read becomes a
// problem there. Any bytes at all: the fuzz target fuzz_osc feeds it.
void decode_packet(unsigned char* data, std::size_t size, const std::string& sender, Inbox& inbox);

// One OSC message (not a bundle) from its bytes, or the problem with them.
std::variant<Message, std::string> decode_message(unsigned char* data, std::size_t size);

}  // namespace primordial::live
