#pragma once
// Many replications in parallel threads. Replication r always uses the random streams of (seed, r), and
// writes only its own row, so the results do not depend on the number of threads.

#include <atomic>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <vector>

#include <Eigen/Core>

#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/output_layout.hpp"
#include "caseflow/sim/run_limits.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow {

using CountMatrix = Eigen::Matrix<int32_t, Eigen::Dynamic, Eigen::Dynamic>;  // replications x cells
using DaysMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic>;    // replications x cells

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

struct RunResults {
  OutputLayout layout;
  uint64_t seed = 1;
  CountMatrix stocks;  // row r: replication r, laid out as layout.stock_cell
  CountMatrix flows;   // row r: replication r, laid out as layout.flow_cell
  DaysMatrix care_days;  // row r: replication r, child-days by month and column, laid out as layout.day_cell
  DaysMatrix costs;      // row r: replication r, pounds laid out as layout.cost_cell (calendar month, category)
  DaysMatrix period_care_days;  // row r: replication r, child-days in care by calendar month
  CountMatrix placements;       // row r: replication r, children by placement type, layout.placement_cell
  uint64_t events = 0;  // processed over all replications
};

RunResults run_replications(const Simulation& simulation, const RunOptions& options);

// The rows of `chunks` one after another, in the order given (chunks of the same scenario and seed,
// consecutive replications). Throws std::invalid_argument if their layouts or seeds differ.
RunResults concatenate_results(const std::vector<RunResults>& chunks);

// The number of worker threads `requested` resolves to (0 means all hardware threads).
int resolve_thread_count(int requested);

}  // namespace caseflow
