// What the explorer says back ("saved ...", "not applied: ..."): a notice shown over the picture
// where the eye is, for a few seconds, longer for problems. A later notice replaces an earlier one.
#pragma once

#include <chrono>
#include <string>
#include <utility>

namespace primordial::app {

class Notices {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::seconds kShown{4}, kProblemShown{10};
    static constexpr std::chrono::milliseconds kRepeatGap{1000};

    // `problem`: something did not happen (shown longer, in a warning colour). The same notice
    // posted again within kRepeatGap of the last is the same notice: it keeps its deadline.
    void post(std::string text, Clock::time_point now, bool problem = false);
    // Now: what happened, and what did not.
    void tell(std::string text) { post(std::move(text), Clock::now()); }
    void warn(std::string text) { post(std::move(text), Clock::now(), true); }
    // The notice on screen at `now`, or "" once it has expired.
    const std::string& current(Clock::time_point now) const;
    bool problem() const { return problem_; }

private:
    std::string text_;
    Clock::time_point until_{}, last_post_{};
    bool problem_ = false;
};

}  // namespace primordial::app
