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
//
// The parts: the tables worked out once per scenario (simulation_tables.hpp), the recorder
// (src/sim/recorder.hpp), the legal stages and the foster placements (src/sim/legal_stages.hpp,
// foster_pool.hpp), the event loop (src/sim/replication_run.cpp) and waiting times under hazards that
// interventions and drift scale (src/sim/scaled_time.hpp).

#include <cstdint>
#include <memory>

#include "caseflow/scenario/drift.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/child_trace.hpp"
#include "caseflow/sim/cost_integral.hpp"
#include "caseflow/sim/output_layout.hpp"
#include "caseflow/sim/replication_record.hpp"
#include "caseflow/sim/simulation_tables.hpp"

namespace caseflow {

class Simulation {
 public:
  // The scenario's rates at their levels (drift.hpp's level_paths), or following the drift paths given.
  explicit Simulation(Scenario scenario);
  Simulation(Scenario scenario, const DriftPaths& drift);
  // A replication's own simulation: `drawn` is `like`'s scenario with other numbers (drawn parameters), so it
  // shares `like`'s layout rather than working it out again.
  Simulation(const Simulation& like, Scenario drawn, const DriftPaths& drift);

  const Scenario& scenario() const { return scenario_; }
  const OutputLayout& layout() const { return *layout_; }
  const CostIntegral& cost_integral() const { return cost_integral_; }
  const SimulationTables& tables() const { return tables_; }

  // Thread-safe: replications share nothing but this const object.
  void run_replication(uint64_t seed, uint64_t replication, ReplicationRecord& record,
                       ChildTrace* trace = nullptr) const;

 private:
  Scenario scenario_;
  std::shared_ptr<const OutputLayout> layout_;
  CostIntegral cost_integral_;
  SimulationTables tables_;
};

}  // namespace caseflow
