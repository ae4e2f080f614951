#include "live/osc_receiver.hpp"

#include <arpa/inet.h>
#include <lo/lo.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <vector>

namespace primordial::live {
namespace {

std::string address_text(const sockaddr_in& a) {
    char ip[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &a.sin_addr, ip, sizeof ip);
    return std::string(ip) + ":" + std::to_string(ntohs(a.sin_port));
}

std::uint32_t big_endian32(const unsigned char* p) {
    return std::uint32_t{p[0]} << 24 | std::uint32_t{p[1]} << 16 | std::uint32_t{p[2]} << 8 | p[3];
}

}  // namespace

std::variant<Message, std::string> decode_message(unsigned char* data, std::size_t size) {
    const char* path = lo_get_path(data, static_cast<ssize_t>(size));
    int result = 0;
    lo_message m = path ? lo_message_deserialise(data, size, &result) : nullptr;
    if (!m) return std::string("ignored a malformed OSC packet");
    Message out;
    out.address = path;
    const char* types = lo_message_get_types(m);
    lo_arg** argv = lo_message_get_argv(m);
    std::string problem;
    for (int i = 0; i < lo_message_get_argc(m); ++i) {
        switch (types[i]) {
            case LO_INT32:
                out.args.emplace_back(std::int64_t{argv[i]->i});
                break;
            case LO_INT64:
                out.args.emplace_back(std::int64_t{argv[i]->h});
                break;
            case LO_FLOAT: {
                // The shortest decimal of the float: 0.9f is 0.9, as the sender meant it, not
                // 0.8999999761581421.
                char buf[32];
                const auto end = std::to_chars(buf, buf + sizeof buf, argv[i]->f).ptr;
                double d = 0;
                std::from_chars(buf, end, d);
                out.args.emplace_back(d);
                break;
            }
            case LO_DOUBLE:
                out.args.emplace_back(argv[i]->d);
                break;
            case LO_STRING:
            case LO_SYMBOL:
                out.args.emplace_back(std::string(&argv[i]->s));
                break;
            case LO_TRUE:
                out.args.emplace_back(std::int64_t{1});
                break;
            case LO_FALSE:
                out.args.emplace_back(std::int64_t{0});
                break;
            default:
                problem = out.address + ": an argument of type '" + std::string(1, types[i]) +
                          "' is not understood";
        }
    }
    lo_message_free(m);
    if (!problem.empty()) return problem;
    return out;
}

OscReceiver::OscReceiver(const std::string& host, int port, Inbox& inbox) : inbox_(inbox) {
    const std::string where = host + ":" + std::to_string(port);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<std::uint16_t>(port));
    const std::string ip = host == "localhost" ? "127.0.0.1" : host;
    if (port < 0 || port > 65535 || inet_pton(AF_INET, ip.c_str(), &a.sin_addr) != 1)
        throw core::InputError("--osc: " + where + " is not an IPv4 address and port");
    fd_ = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0 || ::bind(fd_, reinterpret_cast<const sockaddr*>(&a), sizeof a) != 0) {
        const std::string why = std::strerror(errno);
        if (fd_ >= 0) ::close(fd_);
        throw core::InputError("--osc: cannot listen on " + where + ": " + why);
    }
    // Room for a burst between reads (the kernel caps it at net.core.rmem_max).
    const int buffer = 1 << 20;
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &buffer, sizeof buffer);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
    try {
        thread_ = std::thread([this] { run(); });
    } catch (...) {
        ::close(fd_);
        throw;
    }
}

OscReceiver::~OscReceiver() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    ::close(fd_);
}

void OscReceiver::run() {
    std::vector<unsigned char> buf(65536);
    while (!stop_) {
        pollfd p{fd_, POLLIN, 0};
        if (::poll(&p, 1, 100) <= 0) continue;  // wakes ten times a second to see stop_
        sockaddr_in from{};
        socklen_t len = sizeof from;
        const ssize_t n =
            ::recvfrom(fd_, buf.data(), buf.size(), 0, reinterpret_cast<sockaddr*>(&from), &len);
        if (n > 0)
            decode_packet(buf.data(), static_cast<std::size_t>(n), address_text(from), inbox_);
    }
}

void decode_packet(unsigned char* data, std::size_t size, const std::string& sender, Inbox& inbox) {
    // A bundle ("#bundle", a time tag, then elements of a 4-byte size each) may hold bundles:
    // walked with a stack of the ranges still to read, never recursively.
    struct Range {
        std::size_t at, end;
        std::size_t depth;  // bundles around it
    };
    std::vector<Range> ranges{{0, size, 0}};
    std::vector<Range> elements;
    while (!ranges.empty()) {
        const Range r = ranges.back();
        ranges.pop_back();
        unsigned char* p = data + r.at;
        const std::size_t n = r.end - r.at;
        if (n >= 16 && std::memcmp(p, "#bundle", 8) == 0) {
            if (r.depth >= kMaxBundleDepth) {
                inbox.problem("ignored an OSC bundle nested too deep");
                continue;
            }
            elements.clear();
            for (std::size_t at = r.at + 16; at < r.end;) {
                if (r.end - at < 4) break;
                const std::size_t len = big_endian32(data + at);
                if (len > r.end - at - 4) {
                    inbox.problem("ignored a malformed OSC bundle");
                    break;
                }
                elements.push_back({at + 4, at + 4 + len, r.depth + 1});
                at += 4 + len;
            }
            // In order: the last pushed is read first.
            ranges.insert(ranges.end(), elements.rbegin(), elements.rend());
            continue;
        }
        auto m = decode_message(p, n);
        if (auto* problem = std::get_if<std::string>(&m)) {
            inbox.problem(*problem);
            continue;
        }
        std::get<Message>(m).sender = sender;
        inbox.push(std::move(std::get<Message>(m)));
    }
}

bool OscReceiver::reply(const std::string& sender, const std::string& address,
                        const std::string& text) {
    const auto colon = sender.rfind(':');
    if (colon == std::string::npos) return false;
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(std::stoi(sender.substr(colon + 1))));
    if (inet_pton(AF_INET, sender.substr(0, colon).c_str(), &to.sin_addr) != 1) return false;
    lo_message m = lo_message_new();
    lo_message_add_string(m, text.c_str());
    std::size_t size = 0;
    void* bytes = lo_message_serialise(m, address.c_str(), nullptr, &size);
    lo_message_free(m);
    if (!bytes) return false;
    const bool sent =
        size <= 65507 && ::sendto(fd_, bytes, size, 0, reinterpret_cast<const sockaddr*>(&to),
                                  sizeof to) == static_cast<ssize_t>(size);
    std::free(bytes);
    return sent;
}

}  // namespace primordial::live
