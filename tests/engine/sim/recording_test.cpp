// Child-days are recorded from the counts (recorder.hpp): whenever a count changes and at every month's end.
// Here they are worked out the other way, stay by stay from a replication's trace of every child's moves, and
// the two must agree to rounding, month by month and state by state.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <vector>

#include <gtest/gtest.h>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/child_trace.hpp"
#include "caseflow/sim/replication_record.hpp"
#include "caseflow/sim/simulation.hpp"

namespace caseflow {
namespace {

// Adds [from, to] to `days` split at `boundaries` (interval k is [boundaries[k], boundaries[k+1])), at
// days[k * stride + column].
void spread(double from, double to, const std::vector<double>& boundaries, size_t stride, size_t column,
            std::vector<double>& days) {
  for (size_t k = 0; k + 1 < boundaries.size(); ++k) {
    double a = std::max(from, boundaries[k]), b = std::min(to, boundaries[k + 1]);
    if (b > a) days[k * stride + column] += b - a;
  }
}

TEST(Recording, ChildDaysFromTheCountsEqualEveryStaySpreadOverItsMonths) {
  const Simulation simulation(load_scenario(std::filesystem::path(CASEFLOW_SOURCE_DIR) / "scenarios/herefordshire-2020.json"));
  const OutputLayout& layout = simulation.layout();
  std::vector<double> periods;
  for (const CostPeriod& period : layout.cost_periods) periods.push_back(period.start);
  periods.push_back(layout.cost_periods.back().end);
  const double end = layout.snapshot_times.back();
  for (uint64_t replication = 0; replication < 5; ++replication) {
    ReplicationRecord record;
    ChildTrace trace;
    simulation.run_replication(3, replication, record, &trace);

    std::vector<double> care_days(layout.day_cells(), 0.0), period_days(layout.cost_periods.size(), 0.0);
    std::vector<int> state(trace.birth_days.size(), -1);
    std::vector<double> since(trace.birth_days.size(), 0.0);
    auto close_stay = [&](uint32_t child, double until) {
      if (state[child] < 0) return;
      for (size_t column : {static_cast<size_t>(state[child]), layout.in_care_column()})
        spread(since[child], until, layout.snapshot_times, layout.stock_columns.size(), column, care_days);
      spread(since[child], until, periods, 1, 0, period_days);
    };
    for (const ChildMove& move : trace.moves) {
      close_stay(move.child, move.time);
      state[move.child] = move.to.kind == Destination::Kind::state ? move.to.index : -1;
      since[move.child] = std::max(move.time, 0.0);
    }
    for (uint32_t child = 0; child < state.size(); ++child) close_stay(child, end);

    ASSERT_EQ(record.care_days.size(), care_days.size());
    double total = 0;
    for (size_t cell = 0; cell < care_days.size(); ++cell) {
      EXPECT_NEAR(record.care_days[cell], care_days[cell], 1e-9 * std::max(1.0, care_days[cell])) << "cell " << cell;
      total += care_days[cell];
    }
    EXPECT_GT(total, 300.0 * 365);  // hundreds of children over five years: the comparison is not of zeros
    for (size_t p = 0; p < period_days.size(); ++p)
      EXPECT_NEAR(record.period_care_days[p], period_days[p], 1e-9 * std::max(1.0, period_days[p])) << "period " << p;
  }
}

}  // namespace
}  // namespace caseflow
