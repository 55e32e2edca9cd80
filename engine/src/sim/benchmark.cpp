#include "caseflow/sim/benchmark.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include "caseflow/sim/runner.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow {

namespace {

struct ProcessUsage {
  double cpu_seconds;
  double peak_memory_mb;
};

ProcessUsage process_usage() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) * 1e-6; };
  // Linux reports ru_maxrss in KiB.
  return {seconds(usage.ru_utime) + seconds(usage.ru_stime), static_cast<double>(usage.ru_maxrss) / 1024.0};
}

BenchmarkRun timed_run(const Simulation& simulation, const BenchmarkOptions& options, int threads) {
  RunOptions run;
  run.replications = options.replications;
  run.seed = options.seed;
  run.threads = threads;
  run.limits = options.limits;
  run.uncertainty = options.uncertainty;
  run.cancel = options.cancel;
  ProcessUsage before = process_usage();
  auto started = std::chrono::steady_clock::now();
  RunResults results = run_replications(simulation, run);
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  ProcessUsage after = process_usage();

  BenchmarkRun measured;
  measured.threads = std::min(resolve_thread_count(threads), std::max(1, options.replications));
  measured.replications = options.replications;
  measured.events = results.events;
  measured.wall_seconds = wall;
  measured.cpu_seconds = after.cpu_seconds - before.cpu_seconds;
  measured.peak_memory_mb = after.peak_memory_mb;
  return measured;
}

double per_second(double count, double seconds) { return seconds > 0 ? count / seconds : 0.0; }

}  // namespace

double BenchmarkRun::events_per_second_per_core() const {
  double events_done = static_cast<double>(events);
  if (threads == 1) return per_second(events_done, cpu_seconds);
  return per_second(events_done, wall_seconds * threads);
}

double BenchmarkRun::replications_per_second() const { return per_second(replications, wall_seconds); }

double BenchmarkResult::thread_scaling() const {
  return parallel.wall_seconds > 0 ? single_thread.wall_seconds / parallel.wall_seconds : 0.0;
}

BenchmarkResult run_benchmark(Scenario scenario, const BenchmarkOptions& options) {
  if (options.horizon_months) scenario.horizon_months = *options.horizon_months;
  BenchmarkResult result;
  result.scenario_name = scenario.name;
  result.horizon_months = scenario.horizon_months;
  const Simulation simulation(std::move(scenario));
  result.single_thread = timed_run(simulation, options, 1);
  result.parallel = timed_run(simulation, options, options.threads);
  if (result.single_thread.events != result.parallel.events)
    throw std::logic_error("the one-thread and the parallel run processed different numbers of events (" +
                           std::to_string(result.single_thread.events) + " and " +
                           std::to_string(result.parallel.events) + "): results must not depend on threads");
  return result;
}

}  // namespace caseflow
