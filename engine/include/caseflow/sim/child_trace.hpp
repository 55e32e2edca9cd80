#pragma once
// The full life of every simulated child in one replication, for tests and for exporting simulated
// children as case records. Recording it is optional and off in ordinary runs.

#include <cstdint>
#include <vector>

#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

struct ChildMove {
  // overflow: sent to the overflow state because no foster placement was free; step_down: from the
  // overflow state into the foster placement it waited for; moved: by a move_children intervention.
  enum class Kind { initial, arrival, transition, age_out, overflow, step_down, moved };
  Kind kind = Kind::transition;
  uint32_t child = 0;   // index into ChildTrace::birth_days, in order of first appearance
  double time = 0;      // days since the start date
  int from_state = -1;  // -1 for initial and arrival
  Destination to;
  int transition = -1;  // index of the transition that fired, for Kind::transition and Kind::overflow
};

struct ChildTrace {
  std::vector<int32_t> birth_days;        // days from the start date to each child's birth (negative: before)
  std::vector<double> initial_days_in_state;  // for initial children: time already spent in their state
  std::vector<ChildMove> moves;           // in the order they happened
};

}  // namespace caseflow
