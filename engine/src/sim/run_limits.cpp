#include "caseflow/sim/run_limits.hpp"

#include "caseflow/base/units.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include <unistd.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/sim/run_results.hpp"

namespace caseflow {

namespace {

// A child's slot in the simulation, its pending event in the heap and the heap's spare capacity: an
// overestimate, counted for every child of a replication as if none had left.
constexpr double kBytesPerChild = 128;
constexpr double kMiB = 1024.0 * 1024.0;

// Whole numbers in full ("10000000"), anything else to 4 significant digits.
std::string number(double value) {
  if (value == std::floor(value) && std::abs(value) < 1e15) return std::to_string(static_cast<long long>(value));
  std::ostringstream text;
  text.precision(4);
  text << value;
  return text.str();
}

}  // namespace

RunCost estimate_run_cost(const Simulation& simulation, int replications, int threads) {
  const Scenario& scenario = simulation.scenario();
  const OutputLayout& layout = simulation.layout();
  RunCost cost;
  const double horizon_years = layout.snapshot_times.back() / kDaysPerYear;
  for (const auto& cohort : scenario.initial_population) cost.children += cohort.count;
  for (const auto& stream : scenario.arrivals) cost.children += stream.per_year * horizon_years;

  // What RunResults keeps per replication: every cell of every matrix, counts as int32, child-days and
  // costs as doubles.
  double cells = 0, bytes_per_replication = 0;
  for_each_result_matrix([&](auto m) {
    const auto matrix_cells = static_cast<double>(m.cells(layout));
    cells += matrix_cells;
    bytes_per_replication += matrix_cells * sizeof(typename decltype(m)::Scalar);
  });
  const double reps = std::max(0, replications);
  // The matrices of counts and child-days, then the summary: a mean and up to five quantiles per cell,
  // and one column of replications being sorted.
  cost.result_bytes = reps * bytes_per_replication + cells * 6 * sizeof(double) + reps * sizeof(double);
  const double workers = std::clamp<double>(threads, 1, std::max(1.0, reps));
  cost.working_bytes = workers * (bytes_per_replication + cost.children * kBytesPerChild);
  return cost;
}

double default_memory_limit_mb() {
  long pages = ::sysconf(_SC_PHYS_PAGES);
  long page_size = ::sysconf(_SC_PAGESIZE);
  if (pages <= 0 || page_size <= 0) return 4096;  // unknown: a modest laptop's worth
  return std::floor(static_cast<double>(pages) * static_cast<double>(page_size) / kMiB / 2);
}

void check_run_limits(const Simulation& simulation, int replications, int threads, const RunLimits& limits) {
  const Scenario& scenario = simulation.scenario();
  const OutputLayout& layout = simulation.layout();
  RunCost cost = estimate_run_cost(simulation, replications, threads);

  const double max_children = std::min(limits.max_children, kMaxChildrenPerReplication);
  if (cost.children > max_children) {
    // Blame the largest contributor: the biggest arrival stream over the horizon, or the biggest cohort.
    std::string place = "/initial_population";
    double largest = -1, initial = 0;
    const double horizon_years = layout.snapshot_times.back() / kDaysPerYear;
    for (size_t i = 0; i < scenario.initial_population.size(); ++i) {
      initial += scenario.initial_population[i].count;
      if (scenario.initial_population[i].count > largest) {
        largest = scenario.initial_population[i].count;
        place = "/initial_population/" + std::to_string(i) + "/count";
      }
    }
    for (size_t i = 0; i < scenario.arrivals.size(); ++i)
      if (scenario.arrivals[i].per_year * horizon_years > largest) {
        largest = scenario.arrivals[i].per_year * horizon_years;
        place = "/arrivals/" + std::to_string(i) + "/per_year";
      }
    std::string message = "one replication would simulate about " + number(std::round(cost.children)) + " children (" +
                          number(initial) + " at the start and " + number(std::round(cost.children - initial)) +
                          " arriving over " + std::to_string(scenario.horizon_months) + " months), above the limit of " +
                          number(max_children) + ": check that per_year is a rate per year and count a number of children, "
                          "or shorten horizon_months";
    if (max_children < kMaxChildrenPerReplication) message += ", or raise max_children (--max-children N on the command line)";
    throw InputError("", place, message);
  }

  const double max_memory_mb = limits.max_memory_mb > 0 ? limits.max_memory_mb : default_memory_limit_mb();
  if (cost.total_mb() > max_memory_mb) {
    std::ostringstream message;
    message << replications << " replications would need about " << number(std::ceil(cost.total_mb()))
            << " MB of memory (" << layout.snapshots() << " snapshots x " << layout.stock_columns.size()
            << " stock columns and " << layout.months() << " months x " << layout.flows.size()
            << " flows, 4 bytes each, and " << layout.months() << " months x " << layout.stock_columns.size()
            << " columns of child-days and " << layout.cost_cells() << " cost cells, 8 bytes each, per replication, plus "
            << number(std::ceil(cost.working_bytes / kMiB))
            << " MB for the threads' children), above the limit of " << number(max_memory_mb) << " MB"
            << (limits.max_memory_mb > 0 ? "" : " (half of this machine's memory)")
            << ": run fewer replications or a shorter horizon_months, or raise max_memory_mb "
               "(--max-memory-mb N on the command line)";
    throw InputError("", "", message.str());
  }
}

}  // namespace caseflow
