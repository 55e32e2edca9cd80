#include "caseflow/runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace caseflow {

namespace {

template <class Value, class Matrix>
void copy_row(const std::vector<Value>& values, Matrix& matrix, int row) {
  for (size_t i = 0; i < values.size(); ++i) matrix(row, static_cast<Eigen::Index>(i)) = values[i];
}

}  // namespace

int resolve_thread_count(int requested) {
  if (requested > 0) return requested;
  return std::max(1u, std::thread::hardware_concurrency());
}

RunResults run_replications(const Simulation& simulation, const RunOptions& options) {
  const int total = std::max(0, options.replications);
  const int thread_count = std::min(resolve_thread_count(options.threads), std::max(1, total));
  check_run_limits(simulation, total, thread_count, options.limits);
  auto cancelled = [&] { return options.cancel != nullptr && options.cancel->load(std::memory_order_relaxed); };

  RunResults results;
  results.layout = simulation.layout();
  results.seed = options.seed;
  results.stocks.resize(total, static_cast<Eigen::Index>(results.layout.stock_cells()));
  results.flows.resize(total, static_cast<Eigen::Index>(results.layout.flow_cells()));
  results.care_days.resize(total, static_cast<Eigen::Index>(results.layout.day_cells()));
  results.costs.resize(total, static_cast<Eigen::Index>(results.layout.cost_cells()));
  results.period_care_days.resize(total, static_cast<Eigen::Index>(results.layout.cost_periods.size()));
  results.placements.resize(total, static_cast<Eigen::Index>(results.layout.placement_cells()));

  std::atomic<int> next{0};
  std::atomic<int> completed{0};
  std::atomic<uint64_t> events{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;

  auto worker = [&] {
    ReplicationRecord record;
    try {
      for (int r = next++; r < total && !cancelled(); r = next++) {
        simulation.run_replication(options.seed, static_cast<uint64_t>(r), record);
        copy_row(record.stocks, results.stocks, r);
        copy_row(record.flows, results.flows, r);
        copy_row(record.care_days, results.care_days, r);
        copy_row(record.costs, results.costs, r);
        copy_row(record.period_care_days, results.period_care_days, r);
        copy_row(record.placements, results.placements, r);
        events += record.events;
        int done = ++completed;
        if (options.on_progress) options.on_progress(done, total);
      }
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = total;  // stop the other workers early
    }
  };

  std::vector<std::thread> threads;
  for (int t = 1; t < thread_count; ++t) threads.emplace_back(worker);
  worker();
  for (auto& thread : threads) thread.join();
  if (failure) std::rethrow_exception(failure);
  if (cancelled()) throw RunCancelled();
  results.events = events;
  return results;
}

}  // namespace caseflow
