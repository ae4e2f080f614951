#include "app/notices.hpp"

namespace primordial::app {

void Notices::post(std::string text, Clock::time_point now, bool problem) {
    text_ = std::move(text);
    problem_ = problem;
    until_ = now + (problem ? kProblemShown : kShown);
}

const std::string& Notices::current(Clock::time_point now) const {
    static const std::string none;
    return now < until_ ? text_ : none;
}

}  // namespace primordial::app
