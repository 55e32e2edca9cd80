#pragma once
// One replication: every child, in continuous time, through an event queue.
//
// Each child has at most one pending event: on entry to a state every outgoing transition draws a
// time (conditional on the time already spent, on the transition's age range, and on any intervention
// scaling its rate) and the earliest wins, unless the child reaches the age_out age first. A transition
// that goes via a pipeline (legal services, then the court) holds the child in its state until the
// pipeline's stages have had the capacity to deal with it. Foster placements are limited: a child who
// needs one when none is free goes to the overflow state and steps down when one frees up. Arrivals are
// Poisson streams. Snapshots are taken at 00:00 of each snapshot date, after every event at that instant.

#include <cstdint>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/child_trace.hpp"
#include "caseflow/sim/cost_integral.hpp"
#include "caseflow/sim/interval_walk.hpp"
#include "caseflow/sim/output_layout.hpp"

namespace caseflow {

// What one replication recorded, laid out as OutputLayout says.
struct ReplicationRecord {
  std::vector<int32_t> stocks;     // snapshot-major: stocks[layout.stock_cell(k, column)]
  std::vector<int32_t> flows;      // month-major: flows[layout.flow_cell(m, key)]
  std::vector<double> care_days;   // child-days spent in each state (and in care) in each month: day_cell(m, column)
  std::vector<double> costs;       // pounds by calendar month and category: layout.cost_cell(period, category)
  std::vector<double> period_care_days;  // child-days in care by calendar month (cost period)
  std::vector<int32_t> placements; // children by placement type at each snapshot: layout.placement_cell(k, type)
  uint64_t events = 0;             // events processed, for benchmarks
};

// A factor on a transition's hazard from `from_time` (days since the start) until the next segment.
struct RateSegment {
  double from_time;
  double factor;
};

class Simulation {
 public:
  explicit Simulation(Scenario scenario);

  const Scenario& scenario() const { return scenario_; }
  const OutputLayout& layout() const { return layout_; }

  // Thread-safe: replications share nothing but this const object.
  void run_replication(uint64_t seed, uint64_t replication, ReplicationRecord& record,
                       ChildTrace* trace = nullptr) const;

 private:
  friend class ReplicationRun;
  double clock_time(Date date) const { return static_cast<double>(days_between(scenario_.start_date, date)); }

  Scenario scenario_;
  OutputLayout layout_;
  CostIntegral cost_integral_;
  IntervalWalk month_walk_;  // over the months between snapshots
  std::vector<CostIntegral::Tariff> placement_tariffs_;  // by placement type
  std::vector<CostIntegral::Tariff> allowance_tariffs_;  // by allowance
  std::vector<double> running_costs_;                 // the interventions' running costs, the same in every replication
  std::vector<std::vector<int>> outgoing_;            // transition indices by state
  std::vector<std::vector<RateSegment>> rate_segments_;  // by transition; empty when never scaled
  struct Diversion {
    double from_time, to_time, share;
  };
  std::vector<std::vector<Diversion>> diversions_;    // by arrival stream
  std::vector<std::vector<std::vector<int>>> stage_capacity_;  // [pipeline][stage][month]
  std::vector<char> needs_foster_placement_;          // by state
  struct PlacementChange {
    double time;
    int placements;
  };
  std::vector<PlacementChange> placement_changes_;    // recruitment and added placements, by time
  std::vector<int> move_pipeline_transition_;         // by intervention: the via-pipeline transition a move uses, or -1
};

}  // namespace caseflow
