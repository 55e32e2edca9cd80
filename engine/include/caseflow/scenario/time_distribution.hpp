#pragma once
// Drawing waiting times by inversion: one uniform number per draw, always, so a change of parameters
// moves a child's time monotonically instead of reshuffling the random numbers (common random numbers).
// Service times, which nothing conditions or rescales, take one uniform too but may use a faster method
// (draw_service_time).

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

// An unconditional draw for a time that is never conditioned on time already spent nor rescaled by a hazard
// (a court stage's service time), still from one uniform u of the caller's stream. Gamma times are drawn by
// Marsaglia and Tsang's method from a generator seeded by u rather than by inverting the incomplete gamma
// function, at about a tenth of the cost: the same law, and the same time for the same u, but not monotone in
// u when the shape changes (a change of scale still scales every time). Other families: draw_time.
double draw_service_time(const TimeDistribution& time, double u);

// H(t) = -log S(t), and its inverse: the time at which the cumulative hazard reaches h. Used to scale a
// hazard by a factor that changes with calendar time (interventions).
double cumulative_hazard(const TimeDistribution& time, double t);
double time_at_cumulative_hazard(const TimeDistribution& time, double h);

// E[T], for documentation and tests.
double mean_time(const TimeDistribution& time);

}  // namespace caseflow
