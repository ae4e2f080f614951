#include "app/notices.hpp"

namespace primordial::app {

void Notices::post(std::string text, Clock::time_point now, bool problem) {
    // The same words again and again (a value clamped on every frame, a file that keeps failing)
    // are one notice with its first deadline, so it always leaves; after a pause they are news.
    const bool repeated = text == text_ && problem == problem_ && now - last_post_ < kRepeatGap;
    last_post_ = now;
    if (repeated) return;
    text_ = std::move(text);
    problem_ = problem;
    until_ = now + (problem ? kProblemShown : kShown);
}

const std::string& Notices::current(Clock::time_point now) const {
    static const std::string none;
    return now < until_ ? text_ : none;
}

}  // namespace primordial::app
