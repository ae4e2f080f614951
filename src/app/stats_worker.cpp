#include "app/stats_worker.hpp"

#include <algorithm>
#include <thread>

namespace primordial::app {
namespace {

// What the statistics depend on: the network and the view, not the window's size.
core::Params normalised(core::Params p) {
    p.image_width = p.image_height = 64;
    p.supersample = 1;
    return p;
}

}  // namespace

StatsWorker::~StatsWorker() {
    if (job_.valid()) job_.wait();  // a job in flight finishes before its worker goes
}

void StatsWorker::request(const core::Params& params) {
    const core::Params p = normalised(params);
    if (job_.valid()) {
        if (!(p == asked_)) pending_ = p;
        return;
    }
    if (p == asked_ && (latest_ || !error_.empty())) return;
    start(p);
}

void StatsWorker::start(const core::Params& p) {
    asked_ = p;
    // All cores but one: the window keeps its own.
    const int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency() - 1));
    job_ = std::async(std::launch::async, [p, threads] {
        return core::network_stats(p, {64, 64, 4096, threads});
    });
}

bool StatsWorker::poll() {
    if (!job_.valid() || job_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    try {
        latest_ = job_.get();
        error_.clear();
    } catch (const std::exception& e) {
        latest_.reset();
        error_ = e.what();
    }
    if (pending_) {
        const core::Params next = *pending_;
        pending_.reset();
        start(next);
    }
    return true;
}

}  // namespace primordial::app
