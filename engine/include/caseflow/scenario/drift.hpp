#pragma once
// Drift: rates that do not stand still over the horizon. Real councils' entries and exits move year to
// year for reasons no scenario lists (an inspection, a court judgment, new leadership, asylum arrivals), so a
// forecast's errors grow with its horizon. Each replication draws a path for every drifting rate: a factor
// for each simulated quarter q = 0, 1, ... (the three months from start_date + 3q months), held through its
// months, with f(0) the process's `level` (1 unless the scenario says the stated rates stand higher or lower
// today) and
//
//     log f(q) = log f(q-1) + g / 4 + s z(q) - s^2 / 2,   s = volatility_per_year / 2,   z(q) ~ N(0, 1),
//
// with g = trend_per_year: a multiplicative random walk whose logarithm has standard deviation
// volatility_per_year after a year and sqrt(k) times that after k years, and E[f] = f(0) exp(g t) after t years: the
// volatility widens the band without moving the mean rate, the trend moves it. The level is a parameter
// (it applies whichever layers of uncertainty a run asks for, and its range is drawn with the parameters);
// the trend and the volatility are the drift layer.
// Arrivals share one path (a council's demand moves together); each group of transitions in
// `drift.transitions` has its own. Paths come from streams keyed to (seed, replication, what drifts), so a
// strategy and its base draw the same paths.

#include <cstdint>
#include <vector>

#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

struct DriftPaths {
  // Factors by month (the same for the three months of a quarter). A simulation follows any path it is given,
  // month by month.
  std::vector<double> arrivals;                  // factor by month; empty without drift on arrivals
  std::vector<std::vector<double>> transitions;  // by group of scenario.drift.transitions, factor by month
  bool empty() const { return arrivals.empty() && transitions.empty(); }
};

// Whether any trend or volatility is stated (the drift layer).
bool has_drift(const Scenario& scenario);

// Whether `group` moves `transition`: from one of its states (any, when it names none) to one of its
// destinations (any, when it names none). Fixed times have no hazard to move.
bool drift_moves(const DriftGroup& group, const Transition& transition);

// Replication `replication`'s paths, one factor for each of the scenario's horizon_months months.
DriftPaths draw_drift(const Scenario& scenario, uint64_t seed, uint64_t replication);

// The paths without drift: each process's level for every month (empty when every level is 1), for runs
// without the drift layer.
DriftPaths level_paths(const Scenario& scenario);

}  // namespace caseflow
