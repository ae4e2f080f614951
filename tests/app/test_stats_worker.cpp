#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "app/stats_worker.hpp"

using namespace primordial;

namespace {
void wait_for(app::StatsWorker& w) {
    for (int i = 0; i < 3000 && !(w.poll() && w.current()); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}
}  // namespace

TEST_CASE("the statistics come from another thread and follow the latest request") {
    app::StatsWorker w;
    core::Params p;
    p.network.depth = 5;
    p.network.widths = {12};
    w.request(p);
    CHECK(w.busy());
    core::Params q = p;
    q.network.depth = 7;
    w.request(q);  // while the first runs: queued, replacing nothing else
    while (!w.current()) wait_for(w);
    REQUIRE(w.latest());
    CHECK(w.latest()->layers.size() == 7);
    const core::NetworkStats direct = core::network_stats(q, {64, 64, 4096, 1});
    CHECK(w.latest()->layers[3].q == doctest::Approx(direct.layers[3].q).epsilon(1e-12));
    // The window's size is not the network: no new job.
    q.image_width = 999;
    w.request(q);
    CHECK(!w.busy());
    // A network that cannot be measured says why.
    q.network.depth = 0;
    w.request(q);
    wait_for(w);
    CHECK(!w.error().empty());
}
