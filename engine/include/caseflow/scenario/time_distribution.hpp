#pragma once
// Drawing waiting times by inversion: one uniform number per draw, always, so a change of parameters
// moves a child's time monotonically instead of reshuffling the random numbers (common random numbers).

#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

// P(T > t) for a waiting time T.
double survival(const TimeDistribution& time, double t);

// A draw of T conditional on T > elapsed, from a uniform u in (0, 1): T = S^-1(u * S(elapsed)).
// Returns `elapsed` when the conditional law is degenerate (a fixed time already passed, or a survival
// that underflows to zero), meaning the event is due at once.
double draw_time_after(const TimeDistribution& time, double elapsed, double u);

// An unconditional draw; also covers `uniform` (used for days already spent in a state).
double draw_time(const TimeDistribution& time, double u);

// H(t) = -log S(t), and its inverse: the time at which the cumulative hazard reaches h. Used to scale a
// hazard by a factor that changes with calendar time (interventions).
double cumulative_hazard(const TimeDistribution& time, double t);
double time_at_cumulative_hazard(const TimeDistribution& time, double h);

// E[T], for documentation and tests.
double mean_time(const TimeDistribution& time);

}  // namespace caseflow
