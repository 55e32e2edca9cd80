#pragma once
// What a simulation looks up while it runs, worked out once per scenario rather than in every replication:
// the transitions out of each state, hazard factors and diversions in force over time (interventions),
// each legal stage's capacity month by month, which states need a foster placement and when placements
// are added, and the cost tariffs of placements and allowances. A replication with drift (drift.hpp) has
// tables of its own, whose hazard factors and arrival rates follow its drift paths month by month.

#include <vector>

#include "caseflow/scenario/drift.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/cost_integral.hpp"
#include "caseflow/sim/output_layout.hpp"

namespace caseflow {

// A factor on a transition's hazard from `from_time` (days since the start) until the next segment, and the
// largest factor of this segment and every later one (a bound that tells at once that an event falls after
// the end of the run).
struct RateSegment {
  double from_time;
  double factor;
  double most_from_here = 0;
};

// Days since the start date of `date`: the simulation's clock.
inline double clock_time(const Scenario& scenario, Date date) {
  return static_cast<double>(days_between(scenario.start_date, date));
}

struct SimulationTables {
  SimulationTables(const Scenario& scenario, const OutputLayout& layout, const CostIntegral& cost_integral,
                   const DriftPaths& drift = {});

  std::vector<CostIntegral::Tariff> placement_tariffs;  // by placement type
  std::vector<CostIntegral::Tariff> allowance_tariffs;  // by allowance
  std::vector<double> running_costs;                 // the interventions' running costs, the same in every replication
  std::vector<std::vector<int>> outgoing;            // transition indices by state
  std::vector<std::vector<RateSegment>> rate_segments;  // by transition; empty when never scaled
  std::vector<double> arrival_factors;               // by snapshot month: drift of the arrival rates; empty: none
  struct Diversion {
    double from_time, to_time, share;
  };
  std::vector<std::vector<Diversion>> diversions;    // by arrival stream
  std::vector<std::vector<std::vector<int>>> stage_capacity;  // [pipeline][stage][month]
  std::vector<char> needs_foster_placement;          // by state
  struct PlacementChange {
    double time;
    int placements;
  };
  std::vector<PlacementChange> placement_changes;    // recruitment and added placements, by time
  std::vector<int> move_pipeline_transition;         // by intervention: the via-pipeline transition a move uses, or -1
};

}  // namespace caseflow
