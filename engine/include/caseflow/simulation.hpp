#pragma once
// One replication: every child, in continuous time, through an event queue.
//
// Each child has at most one pending event: on entry to a state every outgoing transition draws a
// time (conditional on the time already spent, and on the transition's age range) and the earliest
// wins, unless the child reaches the age_out age first. Arrivals are Poisson streams. Snapshots are
// taken at 00:00 of each snapshot date, after every event at or before that instant.

#include <cstdint>
#include <vector>

#include "caseflow/child_trace.hpp"
#include "caseflow/output_layout.hpp"
#include "caseflow/scenario.hpp"

namespace caseflow {

// What one replication recorded, laid out as OutputLayout says.
struct ReplicationRecord {
  std::vector<int32_t> stocks;  // snapshot-major: stocks[layout.stock_cell(k, column)]
  std::vector<int32_t> flows;   // month-major: flows[layout.flow_cell(m, key)]
  uint64_t events = 0;          // events processed, for benchmarks
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
  Scenario scenario_;
  OutputLayout layout_;
  std::vector<std::vector<int>> outgoing_;  // transition indices by state
};

}  // namespace caseflow
