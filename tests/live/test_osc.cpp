#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <lo/lo.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <string>
#include <thread>

#include "live/osc_receiver.hpp"

using namespace primordial::live;

namespace {

// Waits until the inbox has taken `n` messages or problems in all (or two seconds pass).
Inbox::Batch collect(Inbox& inbox, std::size_t n) {
    Inbox::Batch all;
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
    while (std::chrono::steady_clock::now() < until) {
        Inbox::Batch b = inbox.take();
        all.received += b.received;
        for (auto& m : b.messages) all.messages.push_back(std::move(m));
        for (auto& p : b.problems) all.problems.push_back(std::move(p));
        if (all.received + all.problems.size() >= n) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return all;
}

// A plain UDP socket of the test's own, to send raw bytes and receive replies.
struct Peer {
    int fd = ::socket(AF_INET, SOCK_DGRAM, 0);
    sockaddr_in to{};
    explicit Peer(int port) {
        sockaddr_in me{};
        me.sin_family = AF_INET;
        inet_pton(AF_INET, "127.0.0.1", &me.sin_addr);
        ::bind(fd, reinterpret_cast<sockaddr*>(&me), sizeof me);
        to.sin_family = AF_INET;
        to.sin_port = htons(static_cast<std::uint16_t>(port));
        inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    }
    ~Peer() { ::close(fd); }
    void send(const void* data, std::size_t size) {
        ::sendto(fd, data, size, 0, reinterpret_cast<sockaddr*>(&to), sizeof to);
    }
    void send(lo_message m, const char* path) {
        std::size_t size = 0;
        void* bytes = lo_message_serialise(m, path, nullptr, &size);
        send(bytes, size);
        std::free(bytes);
        lo_message_free(m);
    }
};

}  // namespace

TEST_CASE("OSC: messages and bundles arrive, malformed packets are problems, not crashes") {
    Inbox inbox;
    OscReceiver osc("127.0.0.1", 0, inbox);
    REQUIRE(osc.port() > 0);
    Peer peer(osc.port());

    lo_message seed = lo_message_new();
    lo_message_add_int32(seed, 42);
    peer.send(seed, "/primordial/seed");
    lo_message scale = lo_message_new();
    lo_message_add_float(scale, 0.9f);
    peer.send(scale, "/primordial/scale");
    Inbox::Batch b = collect(inbox, 2);
    REQUIRE(b.messages.size() == 2);
    CHECK(b.messages[0].address == "/primordial/seed");
    CHECK(std::get<std::int64_t>(b.messages[0].args[0]) == 42);
    CHECK(std::get<double>(b.messages[1].args[0]) == doctest::Approx(0.9));
    CHECK(b.messages[0].sender.rfind("127.0.0.1:", 0) == 0);

    // Garbage, a truncated message, and a bundle claiming more than it holds.
    const char garbage[] = "not osc at all";
    peer.send(garbage, sizeof garbage);
    const char truncated[] = {'/', 'p', 0, 0, ',', 'i', 0, 0, 0};
    peer.send(truncated, sizeof truncated);
    unsigned char bundle[24] = {'#', 'b', 'u', 'n', 'd', 'l', 'e', 0};
    bundle[19] = 200;  // an element of 200 bytes, in 4
    peer.send(bundle, sizeof bundle);
    b = collect(inbox, 3);
    CHECK(b.messages.empty());
    REQUIRE(b.problems.size() == 3);
    CHECK(b.problems[0] == "ignored a malformed OSC packet");
    CHECK(b.problems[2] == "ignored a malformed OSC bundle");

    // A bundle of two messages, as TouchOSC sends them.
    lo_bundle bu = lo_bundle_new(LO_TT_IMMEDIATE);
    lo_message z = lo_message_new();
    lo_message_add_float(z, 0.25f);
    lo_message view = lo_message_new();
    lo_message_add_string(view, "grid");
    lo_bundle_add_message(bu, "/primordial/z", z);
    lo_bundle_add_message(bu, "/primordial/view", view);
    std::size_t size = 0;
    void* bytes = lo_bundle_serialise(bu, nullptr, &size);
    peer.send(bytes, size);
    std::free(bytes);
    lo_bundle_free_recursive(bu);
    b = collect(inbox, 2);
    REQUIRE(b.messages.size() == 2);
    CHECK(b.messages[0].address == "/primordial/z");
    CHECK(std::get<std::string>(b.messages[1].args[0]) == "grid");
}

TEST_CASE("OSC: a reply goes back to the sender; a flood is coalesced") {
    Inbox inbox;
    OscReceiver osc("127.0.0.1", 0, inbox);
    Peer peer(osc.port());
    lo_message ask = lo_message_new();
    peer.send(ask, "/primordial/state");
    Inbox::Batch b = collect(inbox, 1);
    REQUIRE(b.messages.size() == 1);
    CHECK(osc.reply(b.messages[0].sender, "/primordial/state", "{\"seed\": 42}"));
    pollfd p{peer.fd, POLLIN, 0};
    REQUIRE(::poll(&p, 1, 2000) == 1);
    unsigned char buf[512];
    const ssize_t n = ::recv(peer.fd, buf, sizeof buf, 0);
    auto m = decode_message(buf, static_cast<std::size_t>(n));
    REQUIRE(std::holds_alternative<Message>(m));
    CHECK(std::get<Message>(m).address == "/primordial/state");
    CHECK(std::get<std::string>(std::get<Message>(m).args[0]) == "{\"seed\": 42}");

    // 10 000 in about a second, as a controller's flood would come.
    for (int i = 0; i < 10000; ++i) {
        lo_message s = lo_message_new();
        lo_message_add_float(s, 0.5f + static_cast<float>(i) * 1e-5f);
        peer.send(s, "/primordial/scale");
        if (i % 100 == 99) std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    b = collect(inbox, 10000);
    CHECK(b.received > 9000);        // UDP on loopback may drop a few under load; never more arrive
    CHECK(b.messages.size() < 200);  // one per address per take, however many came
}

TEST_CASE("OSC: a port that cannot be listened on is a one-line error") {
    Inbox inbox;
    OscReceiver first("127.0.0.1", 0, inbox);
    CHECK_THROWS_WITH_AS(OscReceiver("127.0.0.1", first.port(), inbox),
                         ("--osc: cannot listen on 127.0.0.1:" + std::to_string(first.port()) +
                          ": Address already in use")
                             .c_str(),
                         primordial::core::InputError);
    CHECK_THROWS_WITH_AS(OscReceiver("my-host", 9000, inbox),
                         "--osc: my-host:9000 is not an IPv4 address and port",
                         primordial::core::InputError);
}

TEST_CASE("OSC bundles: depth is nesting, not how many elements a bundle holds") {
    const auto pad = [](std::string b) {
        b.push_back('\0');
        while (b.size() % 4) b.push_back('\0');
        return b;
    };
    const std::string message = pad("/primordial/z") + pad(",i") + std::string("\0\0\0\1", 4);
    const auto bundle = [](const std::vector<std::string>& elements) {
        std::string b = std::string("#bundle\0", 8) + std::string(7, '\0') + '\1';
        for (const std::string& e : elements) {
            const auto n = static_cast<std::uint32_t>(e.size());
            b += std::string{static_cast<char>(n >> 24), static_cast<char>(n >> 16),
                             static_cast<char>(n >> 8), static_cast<char>(n)};
            b += e;
        }
        return b;
    };
    const auto decode = [](std::string bytes) {
        Inbox inbox;
        decode_packet(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), "x", inbox);
        return inbox.take();
    };
    // Ten elements side by side, one a bundle: all read.
    std::vector<std::string> flat(9, message);
    flat.push_back(bundle({message}));
    Inbox::Batch b = decode(bundle(flat));
    CHECK(b.received == 10);
    CHECK(b.problems.empty());
    // Eight bundles deep is read; nine is refused, with a notice.
    std::string deep = message;
    for (int i = 0; i < 8; ++i) deep = bundle({deep});
    CHECK(decode(deep).received == 1);
    b = decode(bundle({deep}));
    CHECK(b.received == 0);
    REQUIRE(b.problems.size() == 1);
    CHECK(b.problems[0] == "ignored an OSC bundle nested too deep");
}
