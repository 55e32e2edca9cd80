#pragma once
// One replication of a scenario, from its start to the last snapshot: the event loop.

#include <cstdint>

#include "caseflow/sim/child_trace.hpp"
#include "caseflow/sim/replication_record.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow {

// Runs replication `replication` of `simulation` with the random streams of `seed`, recording into `record`
// (which the caller has sized for the simulation's layout) and, if `trace` is not null, every child's moves.
void run_one_replication(const Simulation& simulation, uint64_t seed, uint64_t replication,
                         ReplicationRecord& record, ChildTrace* trace);

}  // namespace caseflow
