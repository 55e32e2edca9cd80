#include "caseflow/scenario/drift.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include <boost/math/special_functions/erf.hpp>

#include "caseflow/base/random_stream.hpp"

namespace caseflow {

namespace {

enum : uint64_t { kArrivalPath = 0, kTransitionPath = 1 };

// The walk steps once a quarter: as a forecast's spread it is the same process as a monthly walk (the variance
// after k years is the same), and a hazard that changes four times a year rather than twelve costs a third as
// much to draw waiting times under.
constexpr size_t kMonthsPerStep = 3;

std::vector<double> random_walk(const DriftProcess& process, int months, RandomStream random) {
  std::vector<double> factors(static_cast<size_t>(std::max(months, 1)), process.level);
  const double step = process.volatility_per_year / std::sqrt(4.0);
  const double trend = process.trend_per_year / 4.0;
  double log_factor = 0;
  for (size_t m = kMonthsPerStep; m < factors.size(); m += kMonthsPerStep) {
    double z = step > 0 ? -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * random.uniform()) : 0.0;
    log_factor += trend + step * z - 0.5 * step * step;
    for (size_t k = m; k < std::min(m + kMonthsPerStep, factors.size()); ++k) factors[k] = process.level * std::exp(log_factor);
  }
  return factors;
}

std::vector<double> constant(const DriftProcess& process, int months) {
  return std::vector<double>(static_cast<size_t>(std::max(months, 1)), process.level);
}

bool moves(const DriftProcess& process) { return process.volatility_per_year > 0 || process.trend_per_year != 0; }

// A group's stream index from what it names, not from its place in the list.
uint64_t group_index(const Scenario& scenario, const DriftGroup& group) {
  std::string name = "from:";
  for (int state : group.from_states) name += scenario.states[static_cast<size_t>(state)].id + ",";
  name += ";to:";
  for (Destination to : group.to) name += scenario.destination_id(to) + ",";
  return stream_index_of(name);
}

}  // namespace

bool has_drift(const Scenario& scenario) {
  if (scenario.drift.has_arrivals && moves(scenario.drift.arrivals)) return true;
  return std::any_of(scenario.drift.transitions.begin(), scenario.drift.transitions.end(),
                     [](const DriftGroup& group) { return moves(group.process); });
}

bool drift_moves(const DriftGroup& group, const Transition& transition) {
  if (transition.time.kind == TimeDistribution::Kind::fixed) return false;
  bool from = group.from_states.empty() ||
              std::find(group.from_states.begin(), group.from_states.end(), transition.from_state) != group.from_states.end();
  bool to = group.to.empty() || std::find(group.to.begin(), group.to.end(), transition.to) != group.to.end();
  return from && to;
}

DriftPaths draw_drift(const Scenario& scenario, uint64_t seed, uint64_t replication) {
  DriftPaths paths;
  const Drift& drift = scenario.drift;
  if (drift.has_arrivals && (moves(drift.arrivals) || drift.arrivals.level != 1))
    paths.arrivals = random_walk(drift.arrivals, scenario.horizon_months,
                                 RandomStream(RandomStream::key_for(seed, replication, StreamKind::drift, kArrivalPath, 0)));
  bool any = false;
  for (const DriftGroup& group : drift.transitions) any = any || moves(group.process) || group.process.level != 1;
  if (any)
    for (const DriftGroup& group : drift.transitions)
      paths.transitions.push_back(random_walk(
          group.process, scenario.horizon_months,
          RandomStream(RandomStream::key_for(seed, replication, StreamKind::drift, kTransitionPath, group_index(scenario, group)))));
  return paths;
}

DriftPaths level_paths(const Scenario& scenario) {
  DriftPaths paths;
  const Drift& drift = scenario.drift;
  if (drift.has_arrivals && drift.arrivals.level != 1) paths.arrivals = constant(drift.arrivals, scenario.horizon_months);
  bool any = std::any_of(drift.transitions.begin(), drift.transitions.end(),
                         [](const DriftGroup& group) { return group.process.level != 1; });
  if (any)
    for (const DriftGroup& group : drift.transitions) paths.transitions.push_back(constant(group.process, scenario.horizon_months));
  return paths;
}

}  // namespace caseflow
