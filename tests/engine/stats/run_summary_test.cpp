// A run's summary: each table holds the statistics of the replications it says it holds, and has the rows
// and columns the files and the report read from it.

#include "caseflow/stats/run_summary.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "caseflow/output/run_tables.hpp"
#include "caseflow/stats/summary.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

struct Summarized {
  Scenario scenario;
  RunResults results;
  RunSummary summary;
};

Summarized summarized(const std::string& file, int replications) {
  Summarized out{load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/" + file), {}, {}};
  RunOptions options;
  options.replications = replications;
  options.seed = 3;
  out.results = run_replications(Simulation(out.scenario), options);
  out.summary = summarize_run(out.results, out.scenario);
  return out;
}

std::vector<double> column_of(const DaysMatrix& matrix, Eigen::Index column) {
  std::vector<double> values(matrix.col(column).data(), matrix.col(column).data() + matrix.rows());
  std::sort(values.begin(), values.end());
  return values;
}

std::vector<std::string> files(const std::vector<NamedTable>& tables) {
  std::vector<std::string> names;
  for (const auto& table : tables) names.push_back(table.file);
  return names;
}

}  // namespace

TEST(RunSummary, CostTablesHoldTheStatisticsOfEachReplicationsCosts) {
  const Summarized run = summarized("herefordshire-2020.json", 41);  // odd: columns at every alignment
  const OutputLayout& layout = run.results.layout;
  ASSERT_TRUE(run.summary.costs.has_value());
  const CostSummary& costs = *run.summary.costs;
  const size_t categories = layout.cost_categories.size();
  EXPECT_EQ(costs.month_columns.size(), categories + 1);
  EXPECT_EQ(costs.year_columns.back(), "cost_per_child_year");
  EXPECT_EQ(costs.months.rows(), layout.cost_periods.size());
  EXPECT_EQ(costs.financial_years.rows(), layout.financial_years.size());
  for (size_t p = 0; p < layout.cost_periods.size(); p += 7)
    for (size_t c = 0; c < categories; ++c) {
      const auto cell = static_cast<Eigen::Index>(layout.cost_cell(p, c));
      EXPECT_EQ(costs.months.mean(p, c), run.results.costs.col(cell).mean());
      EXPECT_EQ(costs.months.quantile(p, c, 4), quantile_sorted(column_of(run.results.costs, cell), 0.95));
    }
  const DaysMatrix totals = financial_year_costs(run.results), per_child = cost_per_child_year(run.results);
  for (size_t y = 0; y < layout.financial_years.size(); ++y) {
    const auto column = static_cast<Eigen::Index>(y);
    EXPECT_EQ(costs.financial_years.mean(y, costs.total_column()), totals.col(column).mean());
    EXPECT_EQ(costs.financial_years.quantile(y, costs.total_column(), 2), quantile_sorted(column_of(totals, column), 0.5));
    EXPECT_EQ(costs.financial_years.quantile(y, costs.cost_per_child_year_column(), 0), quantile_sorted(column_of(per_child, column), 0.05));
  }
  ASSERT_TRUE(run.summary.budgets.has_value());
  EXPECT_EQ(run.summary.budgets->size(), run.scenario.costs.budgets.size());
  EXPECT_EQ(files(run_summary_tables(layout, run.summary)),
            (std::vector<std::string>{"summary.csv", "flows_summary.csv", "costs_summary.csv", "placements_summary.csv", "budget.csv",
                                      "age_bands_summary.csv"}));
}

TEST(RunSummary, ExitsByYearAddUpEachReplicationsExits) {
  const Summarized run = summarized("herefordshire-2020.json", 20);
  const ExitsByYear& exits = run.summary.exits;
  const OutputLayout& layout = run.results.layout;
  ASSERT_EQ(exits.exits.columns, run.scenario.exits.size() + 1);
  size_t months = 0;
  for (size_t m : exits.months) months += m;
  EXPECT_EQ(months, layout.months());
  EXPECT_EQ(exits.financial_years.front(), 2020);  // from 2 November 2020, for 60 months
  EXPECT_EQ(exits.months.front(), 5u);
  // All exits in the first financial year, replication by replication, straight from the flows.
  std::vector<double> all(static_cast<size_t>(run.results.flows.rows()), 0.0);
  for (size_t key = 0; key < layout.flows.size(); ++key) {
    bool exit = std::any_of(run.scenario.exits.begin(), run.scenario.exits.end(), [&](const auto& e) { return e.id == layout.flows[key].to; });
    for (size_t m = 0; m < exits.months.front() && exit; ++m)
      for (Eigen::Index r = 0; r < run.results.flows.rows(); ++r)
        all[static_cast<size_t>(r)] += run.results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key)));
  }
  double total = 0;
  for (double count : all) total += count;
  std::sort(all.begin(), all.end());
  EXPECT_EQ(exits.exits.mean(0, exits.all_exits_column()), total / static_cast<double>(all.size()));
  EXPECT_EQ(exits.exits.quantile(0, exits.all_exits_column(), 2), quantile_sorted(all, 0.95));
}

TEST(RunSummary, InCareChancesAreSharesOfReplications) {
  const Summarized run = summarized("herefordshire-2020.json", 30);
  const OutputLayout& layout = run.results.layout;
  const InCareChances& chances = run.summary.in_care;
  ASSERT_EQ(chances.comparators, run.scenario.comparators.size());
  ASSERT_GT(chances.comparators, 0u);
  const size_t last = layout.snapshots() - 1;
  const auto cell = static_cast<Eigen::Index>(layout.stock_cell(last, layout.in_care_column()));
  const auto start = static_cast<Eigen::Index>(layout.stock_cell(0, layout.in_care_column()));
  int at_or_below = 0, fewer = 0, more = 0;
  for (Eigen::Index r = 0; r < 30; ++r) {
    at_or_below += run.results.stocks(r, cell) <= run.scenario.comparators[0].count;
    fewer += run.results.stocks(r, cell) < run.results.stocks(r, start);
    more += run.results.stocks(r, cell) > run.results.stocks(r, start);
  }
  EXPECT_EQ(chances.at_or_below_comparator(last, 0), at_or_below / 30.0);
  EXPECT_EQ(chances.fewer_at_end, fewer / 30.0);
  EXPECT_EQ(chances.more_at_end, more / 30.0);
}

TEST(RunSummary, ARunWithoutCostsHasOnlyTheStockFlowAndAgeBandTables) {
  const Summarized run = summarized("example-small.json", 10);
  EXPECT_EQ(run.summary.replications, 10);
  EXPECT_FALSE(run.summary.costs || run.summary.placements || run.summary.budgets);
  EXPECT_EQ(run.summary.stocks.rows(), run.results.layout.snapshots());
  EXPECT_EQ(run.summary.stocks.columns, run.results.layout.stock_columns.size());
  EXPECT_EQ(run.summary.flows.rows(), run.results.layout.months());
  EXPECT_EQ(run.summary.age_bands.rows(), run.results.layout.snapshots());
  EXPECT_EQ(files(run_summary_tables(run.results.layout, run.summary)),
            (std::vector<std::string>{"summary.csv", "flows_summary.csv", "age_bands_summary.csv"}));
}
