#include "caseflow/sim/runner.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "caseflow/base/resource_error.hpp"

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
  for_each_result_matrix([&](auto m) {
    (results.*m.matrix).resize(total, static_cast<Eigen::Index>(m.cells(results.layout)));
  });

  std::atomic<int> next{0};
  std::atomic<int> completed{0};
  std::atomic<uint64_t> events{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;

  // Workers take consecutive replications in blocks. The matrices are column-major, so neighbouring rows
  // share cache lines: two threads writing alternate rows would fight over every line they write.
  const int block = std::clamp(total / (4 * thread_count), 1, 16);
  const DrawnReplications replications(simulation, options.uncertainty);
  auto run_one = [&](int r, ReplicationRecord& record) {
    const uint64_t replication = static_cast<uint64_t>(options.first_replication) + static_cast<uint64_t>(r);
    replications.run(options.seed, replication, record);
    for_each_result_matrix([&](auto m) { copy_row(record.*m.record, results.*m.matrix, r); });
    events += record.events;
    int done = ++completed;
    if (options.on_progress) options.on_progress(done, total);
  };
  auto worker = [&] {
    ReplicationRecord record;
    try {
      for (int first = next.fetch_add(block); first < total && !cancelled(); first = next.fetch_add(block))
        for (int r = first; r < std::min(first + block, total) && !cancelled(); ++r) run_one(r, record);
    } catch (...) {
      std::lock_guard lock(failure_mutex);
      if (!failure) failure = std::current_exception();
      next = total;  // stop the other workers early
    }
  };

  // A thread the system will not start (too many threads, no memory for its stack) stops those started and
  // becomes a clear error; every started thread is joined on every path (a std::thread destroyed unjoined
  // would abort the process, and a Python interpreter with it).
  std::vector<std::thread> threads;
  threads.reserve(static_cast<size_t>(thread_count));
  std::string refused;
  try {
    for (int t = 1; t < thread_count; ++t) threads.emplace_back(worker);
  } catch (const std::system_error& error) {
    refused = "the system would not start thread " + std::to_string(threads.size() + 2) + " of " +
              std::to_string(thread_count) + " (" + error.what() + "): ask for fewer threads";
    next = total;  // stops the threads started
  }
  if (refused.empty()) worker();
  for (auto& thread : threads) thread.join();
  if (!refused.empty()) throw ResourceError(refused);
  if (failure) std::rethrow_exception(failure);
  if (cancelled()) throw RunCancelled();
  results.events = events;
  return results;
}

}  // namespace caseflow

namespace caseflow {

namespace {

template <class Matrix>
Matrix stack_rows(const std::vector<RunResults>& chunks, Matrix RunResults::*member) {
  Eigen::Index rows = 0;
  for (const auto& chunk : chunks) rows += (chunk.*member).rows();
  Matrix stacked((rows), (chunks.front().*member).cols());
  Eigen::Index at = 0;
  for (const auto& chunk : chunks) {
    stacked.middleRows(at, (chunk.*member).rows()) = chunk.*member;
    at += (chunk.*member).rows();
  }
  return stacked;
}

}  // namespace

RunResults concatenate_results(const std::vector<RunResults>& chunks) {
  if (chunks.empty()) throw std::invalid_argument("no results to concatenate");
  for (const auto& chunk : chunks)
    if (chunk.seed != chunks.front().seed || chunk.layout.stock_columns != chunks.front().layout.stock_columns ||
        chunk.layout.snapshot_dates != chunks.front().layout.snapshot_dates)
      throw std::invalid_argument("results of different scenarios or seeds cannot be concatenated");
  for_each_result_matrix([&](auto m) {
    for (const auto& chunk : chunks)
      if ((chunk.*m.matrix).cols() != (chunks.front().*m.matrix).cols())
        throw std::invalid_argument("results of different scenarios or seeds cannot be concatenated");
  });
  RunResults merged;
  merged.layout = chunks.front().layout;
  merged.seed = chunks.front().seed;
  for_each_result_matrix([&](auto m) { merged.*m.matrix = stack_rows(chunks, m.matrix); });
  for (const auto& chunk : chunks) merged.events += chunk.events;
  return merged;
}

}  // namespace caseflow
