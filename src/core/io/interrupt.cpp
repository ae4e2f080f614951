#include "core/io/interrupt.hpp"

#include <csignal>
#include <string>

namespace primordial::core {
namespace {

// Written only by the handler; a signal handler can reach nothing else.
volatile std::sig_atomic_t g_signal = 0;

extern "C" void on_signal(int sig) {
    g_signal = sig;
    std::signal(sig, SIG_DFL);  // asked twice: stop at once
}

}  // namespace

Interrupted::Interrupted(int sig)
    : std::runtime_error(std::string("interrupted by ") + (sig == SIGINT ? "SIGINT" : "SIGTERM") +
                         ": nothing was written"),
      signal(sig) {}

void catch_interrupts() {
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0;  // no SA_RESTART: a blocking read or wait returns to look
    for (const int sig : {SIGINT, SIGTERM}) {
        // A signal the shell set to be ignored (a background job, nohup) stays ignored.
        struct sigaction old {};
        if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
        sigaction(sig, &sa, nullptr);
    }
    // Past a file-size limit (ulimit -f) a write fails with EFBIG, said like a full disk,
    // instead of the process dying mid-file.
    std::signal(SIGXFSZ, SIG_IGN);
}

int interrupt_signal() {
    return g_signal;
}

void check_interrupt() {
    if (const int sig = g_signal) throw Interrupted(sig);
}

}  // namespace primordial::core
