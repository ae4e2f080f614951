// The panel's Statistics section: the phase, chi1, q* and the edge of chaos in words, and two
// small plots (q measured against theory, the circle's image length), log scales, per layer.
#pragma once

#include "app/stats_worker.hpp"

namespace primordial::app {

// `scale`: the network's weight scale now, to say which side of the edge it is on.
void stats_section(const StatsWorker& w, double scale);

}  // namespace primordial::app
