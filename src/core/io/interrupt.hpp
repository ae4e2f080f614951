// SIGINT and SIGTERM as a request to stop: the handler only records the signal; long work asks
// between steps (a band of rows, a frame) and throws Interrupted, whose unwinding removes every
// temporary file; main exits 128 + the signal. A second signal of the same kind acts at once.
#pragma once

#include <stdexcept>

namespace primordial::core {

struct Interrupted : std::runtime_error {
    explicit Interrupted(int sig);
    int signal;
};

// Installs the handlers (once, at the start of main: the one process-wide state a signal needs).
void catch_interrupts();
// The signal that asked to stop, or 0.
int interrupt_signal();
// Throws Interrupted when a signal asked to stop.
void check_interrupt();

}  // namespace primordial::core
