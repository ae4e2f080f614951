#include "cli/progress.hpp"

#include <unistd.h>

#include <cmath>
#include <cstdio>

namespace primordial::cli {
namespace {

double seconds_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// "(4 s, about 6 s left)", or "(4 s)" before there is a pace to go by.
std::string times(double elapsed, double fraction_done) {
    char buf[64];
    if (fraction_done > 0 && fraction_done < 1)
        std::snprintf(buf, sizeof buf, " (%.0f s, about %.0f s left)", elapsed,
                      elapsed / fraction_done * (1 - fraction_done));
    else
        std::snprintf(buf, sizeof buf, " (%.0f s)", elapsed);
    return buf;
}

}  // namespace

Progress::Progress(std::string what, bool quiet, int steps, double after)
    : what_(std::move(what)),
      quiet_(quiet),
      tty_(::isatty(STDERR_FILENO) != 0),
      steps_(steps),
      after_(after),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() {
    finish();
}

void Progress::print(const std::string& text, bool milestone) {
    if (quiet_ || seconds_since(start_) < after_) return;
    printed_ = true;
    if (tty_) {
        // A terminal: the line is rewritten, at most five times a second unless a step begins.
        const auto now = std::chrono::steady_clock::now();
        if (!milestone && now - last_ < std::chrono::milliseconds(200)) return;
        last_ = now;
        std::fprintf(stderr, "\r\033[K%s", text.c_str());
    } else if (milestone) {
        std::fprintf(stderr, "%s\n", text.c_str());
    }
    std::fflush(stderr);
}

void Progress::step(int k, int steps, const std::string& name) {
    done_ = k - 1;
    steps_ = steps;
    step(name);
}

void Progress::step(const std::string& name) {
    ++done_;
    // The estimate counts the steps finished before this one.
    const double finished = steps_ > 0 ? double(done_ - 1) / steps_ : 0;
    print(what_ + ": " + std::to_string(done_) + " of " + std::to_string(steps_) + ": " + name +
              times(seconds_since(start_), finished),
          true);
}

bool Progress::operator()(double fraction) {
    const int tenth = static_cast<int>(std::floor(fraction * 10));
    const bool milestone = tenth > tenth_ && tenth < 10;  // 10%, 20%, ... 90%: 100% is the summary
    if (milestone) tenth_ = tenth;
    char pct[16];
    std::snprintf(pct, sizeof pct, ": %3.0f%%", fraction * 100);
    print(what_ + pct + times(seconds_since(start_), fraction), milestone);
    return true;
}

double Progress::finish() {
    if (tty_ && printed_) {
        std::fprintf(stderr, "\r\033[K");
        std::fflush(stderr);
    }
    printed_ = false;
    return seconds_since(start_);
}

}  // namespace primordial::cli
