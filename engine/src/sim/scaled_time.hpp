#pragma once
// Waiting times under a hazard that interventions and drift scale by factors changing at calendar times.

#include <vector>

#include "caseflow/scenario/time_distribution.hpp"
#include "caseflow/sim/simulation_tables.hpp"

namespace caseflow {

// Inversion with a hazard multiplied by a factor that changes at calendar times (interventions, drift): spend
// the exponential budget -log(u) of cumulative hazard segment by segment, from the time already spent in the
// state. An event after `cutoff` (the end of the run, or an event of the child's already due sooner) can
// never fire, so it is returned as infinity as soon as the largest factor to come shows that the budget cannot
// be spent by then: a long stay would otherwise be walked segment by segment to the horizon at every draw.
double draw_scaled_time(const TimeDistribution& time, const std::vector<RateSegment>& segments, double entered_at,
                        double lower, double u, double cutoff);

}  // namespace caseflow
