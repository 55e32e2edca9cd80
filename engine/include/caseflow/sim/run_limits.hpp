#pragma once
// What a run may cost before it is refused instead of started. A slip of the keyboard (3300000 arrivals a
// year for 33000, a million replications of a century) must stop at once with a message that says which
// limit was reached and how to raise it, not exhaust the machine an hour later.

#include "caseflow/sim/simulation.hpp"

namespace caseflow {

// The replications and threads a run may ask for, stated once for every way in: the command line's
// --replications and --threads and the Python package's replications= and threads= check against these.
// Ten million replications is far beyond what any band needs (the quantiles settle within 10,000) and
// still fits RunOptions' int; 1024 threads is far beyond any machine this runs on. The memory a run needs
// is checked separately, against RunLimits, once the scenario is known.
inline constexpr int kMinReplications = 1;
inline constexpr int kMaxReplications = 10'000'000;
inline constexpr int kMaxThreads = 1024;  // 0 asks for all hardware threads

struct RunLimits {
  // Memory for the results of every replication plus each thread's working state, in MiB.
  // 0 means half of this machine's physical memory.
  double max_memory_mb = 0;
  // Children one replication may simulate: the initial population plus the expected arrivals over the
  // horizon. England as a whole has about 83,000 children in care and 33,000 arrivals a year.
  double max_children = 10'000'000;
};

// Children are counted in 32-bit cells: no limit can be raised beyond this.
inline constexpr double kMaxChildrenPerReplication = 2'147'483'647.0;

struct RunCost {
  double children = 0;       // expected per replication
  double result_bytes = 0;   // every replication's stocks, flows and child-days, and their summary
  double working_bytes = 0;  // all threads: one replication's record and its children, each
  double total_mb() const { return (result_bytes + working_bytes) / (1024.0 * 1024.0); }
};

RunCost estimate_run_cost(const Simulation& simulation, int replications, int threads);

// Half of the physical memory, in MiB (what max_memory_mb = 0 stands for).
double default_memory_limit_mb();

// Throws InputError when the run would exceed a limit. The error has no source (the caller knows the
// file); its place is the JSON path to blame when there is one.
void check_run_limits(const Simulation& simulation, int replications, int threads, const RunLimits& limits);

}  // namespace caseflow
