#pragma once
// Measuring the engine on a scenario: the same replications run on one thread and then on several, timed
// by the wall clock and by the process's CPU clock, with the process's peak memory. Both runs use the same
// seed and replication numbers, so they process the same events and differ only in how they are spread
// over threads (runner.hpp); the ratio of their wall times is the thread scaling.

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/run_limits.hpp"

namespace caseflow {

struct BenchmarkOptions {
  int replications = 1000;
  uint64_t seed = 1;
  int threads = 0;  // for the parallel run; 0: all hardware threads
  // Replaces the scenario's horizon_months when given (a shorter or longer forecast of the same scenario).
  std::optional<int> horizon_months;
  RunLimits limits;
  Uncertainty uncertainty = Uncertainty::all;  // what each replication draws, as in a run
  const std::atomic<bool>* cancel = nullptr;    // as RunOptions::cancel
};

// One timed call of run_replications.
struct BenchmarkRun {
  int threads = 1;  // worker threads actually used (never more than the replications)
  int replications = 0;
  uint64_t events = 0;
  double wall_seconds = 0;
  double cpu_seconds = 0;       // user + system time of the whole process during the run, all threads
  double peak_memory_mb = 0;    // the process's peak resident memory so far, in MiB (getrusage ru_maxrss)

  // Events per second of one core: per CPU-second on one thread (where CPU and wall time agree up to
  // the time the machine gave to others), per wall-second and thread on several, which counts time lost
  // to waiting and to imbalance against the threads.
  double events_per_second_per_core() const;
  double replications_per_second() const;
};

struct BenchmarkResult {
  std::string scenario_name;
  int horizon_months = 0;
  BenchmarkRun single_thread;
  BenchmarkRun parallel;
  // How many times faster the parallel run was than the single-thread one, by the wall clock.
  double thread_scaling() const;
};

// Runs `scenario` as described above. Throws InputError when the run limits refuse it (the error has no
// source, as run_replications's) and std::logic_error if the two runs processed different numbers of
// events (they must not: results do not depend on the number of threads).
BenchmarkResult run_benchmark(Scenario scenario, const BenchmarkOptions& options);

}  // namespace caseflow
