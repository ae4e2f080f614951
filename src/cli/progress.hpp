// Progress of long work on standard error, as Linux tools report it: on a terminal one line kept
// up to date; elsewhere (a log, a pipe) one line per step, or per tenth of a continuous job; with
// quiet, nothing. Every line says what runs, how far it is, the time so far and an estimate of
// the time left at the pace so far.
#pragma once

#include <chrono>
#include <string>

namespace primordial::cli {

class Progress {
public:
    // `steps`: how many steps step() will announce (0 for a continuous job). `after`: seconds
    // of silence first, so that quick work (most renders) reports nothing but its summary.
    Progress(std::string what, bool quiet, int steps = 0, double after = 1.0);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    // The next step begins: "what: 3 of 27: name (4 s, about 32 s left)".
    void step(const std::string& name);
    // Step `k` of `steps` begins, for work that counts its own steps.
    void step(int k, int steps, const std::string& name);
    // A continuous job is this far (0-1): "what: 42% (4 s, about 6 s left)". A core::Progress:
    // never cancels.
    bool operator()(double fraction);
    // Clears the terminal line; seconds since construction.
    double finish();

private:
    void print(const std::string& text, bool milestone);

    std::string what_;
    bool quiet_, tty_;
    int steps_, done_ = 0, tenth_ = 0;
    double after_;
    bool printed_ = false;
    std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace primordial::cli
