#pragma once
// Many replications in parallel threads. Replication r always uses the random streams of (seed, r), and
// writes only its own row, so the results do not depend on the number of threads.

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/output_layout.hpp"
#include "caseflow/sim/run_limits.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow {

struct RunOptions {
  int replications = 1000;
  // Runs replications first_replication .. first_replication + replications - 1: a run split into such
  // chunks (across processes or machines) and merged with concatenate_results equals the whole run.
  int first_replication = 0;
  uint64_t seed = 1;
  int threads = 0;  // 0: all hardware threads
  // The sources of uncertainty the bands hold (drawn_replications.hpp): by default all the scenario states.
  Uncertainty uncertainty = Uncertainty::all;
  // Called from worker threads as replications finish (completed so far, total); may be empty.
  std::function<void(int completed, int total)> on_progress;
  // Checked before the run starts (run_limits.hpp).
  RunLimits limits;
  // When it becomes true (a signal handler may set it), the workers stop between replications and
  // run_replications throws RunCancelled instead of returning partial results.
  const std::atomic<bool>* cancel = nullptr;
};

class RunCancelled : public std::runtime_error {
 public:
  RunCancelled() : std::runtime_error("the run was cancelled") {}
};

RunResults run_replications(const Simulation& simulation, const RunOptions& options);

// The rows of `chunks` one after another, in the order given (chunks of the same scenario and seed,
// consecutive replications). Throws std::invalid_argument if their layouts or seeds differ.
RunResults concatenate_results(const std::vector<RunResults>& chunks);

// The number of worker threads `requested` resolves to (0 means all hardware threads).
int resolve_thread_count(int requested);

}  // namespace caseflow
