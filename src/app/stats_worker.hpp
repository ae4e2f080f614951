// The explorer's statistics, computed off the frame loop: a request starts a job on another
// thread (or queues the latest parameters behind the one running); the frame polls for the
// result, so the window never waits on a wide network's measurement.
#pragma once

#include <future>
#include <optional>
#include <string>

#include "core/theory/stats.hpp"

namespace primordial::app {

class StatsWorker {
public:
    ~StatsWorker();
    // Statistics of `p`'s network over its view (64 x 64 sample points, 4096 on the circle).
    void request(const core::Params& p);
    // Takes a finished job's result; true when latest() or error() changed.
    bool poll();
    const std::optional<core::NetworkStats>& latest() const { return latest_; }
    const std::string& error() const { return error_; }
    bool busy() const { return job_.valid(); }
    // Whether latest() is for the parameters asked for last.
    bool current() const { return !busy() && !pending_; }

private:
    void start(const core::Params& p);

    std::future<core::NetworkStats> job_;
    core::Params asked_;  // what the job in flight, or the result, is for
    std::optional<core::Params> pending_;
    std::optional<core::NetworkStats> latest_;
    std::string error_;
};

}  // namespace primordial::app
