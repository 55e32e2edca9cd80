#include "watched_run.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

namespace caseflow::python {

namespace py = pybind11;

namespace {

// Often enough for a progress bar and for Ctrl-C to feel immediate; rare enough to cost nothing.
constexpr std::chrono::milliseconds kWatchInterval{100};

struct RunCancelled : std::exception {
  const char* what() const noexcept override { return "run cancelled"; }
};

}  // namespace

RunResults run_watched(const Simulation& simulation, RunOptions options, py::handle progress) {
  RunResults results;
  const int total = options.replications;
  watch_runs(std::move(options), total, progress, [&](const RunOptions& watched) { results = run_replications(simulation, watched); });
  return results;
}

void watch_runs(RunOptions options, int total, py::handle progress, const std::function<void(const RunOptions&)>& work) {
  std::atomic<int> completed{0};
  std::atomic<bool> cancel{false};
  // Counted here rather than taken from the runner's argument: calls from different threads can arrive
  // out of order, and a count of calls never goes backwards.
  options.on_progress = [&](int, int) {
    completed.fetch_add(1, std::memory_order_relaxed);
    if (cancel.load(std::memory_order_relaxed)) throw RunCancelled();  // the runner stops its other threads
  };

  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable finished_signal;
  bool finished = false;
  {
    py::gil_scoped_release release;
    std::thread engine([&] {
      try {
        work(options);
      } catch (...) {
        failure = std::current_exception();
      }
      std::lock_guard lock(mutex);
      finished = true;
      finished_signal.notify_all();
    });
    // However this block is left (a Python exception included), the engine thread is stopped and joined
    // first, without the GIL, before anything it uses goes out of scope.
    struct StopAndJoin {
      std::thread& thread;
      std::atomic<bool>& cancel;
      ~StopAndJoin() {
        cancel = true;
        thread.join();
      }
    } stop_and_join{engine, cancel};

    int reported = -1;
    for (bool done = false; !done;) {
      {
        std::unique_lock lock(mutex);
        done = finished_signal.wait_for(lock, kWatchInterval, [&] { return finished; });
      }
      py::gil_scoped_acquire acquire;
      if (PyErr_CheckSignals() != 0) throw py::error_already_set();
      int now = completed.load(std::memory_order_relaxed);
      if (!progress.is_none() && now != reported) {
        progress(now, total);
        reported = now;
      }
    }
  }
  if (failure) std::rethrow_exception(failure);
}

}  // namespace caseflow::python
