// The England-scale scenario against the national figures it is built from (Department for Education,
// "Children looked after in England including adoptions", 2019-2023, and 83,630 in care on 31 March 2024;
// docs/england-2024.md): about 33,000 starting and 33,000-34,000 leaving a year, returned home about 30% of
// exits, 3,800-4,100 SGOs and 3,000-3,600 adoptions a year. A few replications are enough: a quarter of a
// million children each.

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

constexpr int kReplications = 4;
constexpr double kStartingStock = 83'630;

// Mean over the replications of the yearly flows from `from` (any when empty) into `to`, over the horizon.
double per_year(const RunResults& results, const std::string& from, const std::string& to) {
  const OutputLayout& layout = results.layout;
  double total = 0;
  for (size_t key = 0; key < layout.flows.size(); ++key) {
    if (layout.flows[key].to != to || (!from.empty() && layout.flows[key].from != from)) continue;
    for (size_t m = 0; m < layout.months(); ++m) total += mean_of(results.flows, layout.flow_cell(m, key));
  }
  return total / (static_cast<double>(layout.months()) / 12.0);
}

}  // namespace

// One test, so that CTest (a process per test) simulates England's million children once for each check.
// The scenario's stated numbers (chance alone) reproduce the national figures; its ranges and drift then
// spread the replications far beyond chance.
TEST(England, MatchesTheNationalFiguresItIsBuiltFrom) {
  Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/england-2024.json"));
  RunOptions options;
  options.replications = kReplications;
  options.uncertainty = Uncertainty::chance;
  const RunResults results = run_replications(simulation, options);
  const OutputLayout& layout = results.layout;
  auto in_care = [&](int r, size_t k) {
    return results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(k, layout.in_care_column())));
  };

  // 83,630 on 31 March 2024, 60 months.
  EXPECT_EQ(layout.snapshot_dates.size(), 61u);
  for (int r = 0; r < kReplications; ++r) EXPECT_EQ(in_care(r, 0), 83'630);

  // Arrivals and exits balance: within 3% of the start on every 31 March, in every replication.
  for (size_t k = 12; k < layout.snapshots(); k += 12)
    for (int r = 0; r < kReplications; ++r)
      EXPECT_NEAR(in_care(r, k), kStartingStock, 0.03 * kStartingStock)
          << "replication " << r << " on " << format_iso_date(layout.snapshot_dates[k]);

  // About 33,000 start and leave a year.
  EXPECT_NEAR(per_year(results, "arrival", "ico") + per_year(results, "arrival", "section20"), 33'000, 500);
  std::map<std::string, double> exits;
  double all_exits = 0;
  for (const char* exit : {"reunification", "sgo", "adoption", "aged_18", "other"})
    all_exits += exits[exit] = per_year(results, "", exit);
  EXPECT_NEAR(all_exits, 33'000, 1'000);

  // The national mix: returned home about 30%, 3,800-4,100 SGOs, 3,000-3,600 adoptions.
  EXPECT_NEAR(exits["reunification"] / all_exits, 0.30, 0.02);
  EXPECT_GE(exits["sgo"], 3'800);
  EXPECT_LE(exits["sgo"], 4'100);
  EXPECT_GE(exits["adoption"], 3'000);
  EXPECT_LE(exits["adoption"], 3'600);
  // Turning 18 and the other endings are the rest (no national figure is used); neither is negligible.
  EXPECT_GT(exits["aged_18"], 0.2 * all_exits);
  EXPECT_GT(exits["other"], 0.1 * all_exits);

  // With what the scenario does not know (the parameters' ranges and drift), the replications five years on
  // spread far wider than with chance alone: the range over the replications is more than three times as wide.
  options.uncertainty = Uncertainty::all;
  const RunResults uncertain = run_replications(simulation, options);
  auto spread = [&](const RunResults& run) {
    const size_t last = run.layout.snapshots() - 1;
    const auto cell = static_cast<Eigen::Index>(run.layout.stock_cell(last, run.layout.in_care_column()));
    return run.stocks.col(cell).maxCoeff() - run.stocks.col(cell).minCoeff();
  };
  for (int r = 0; r < kReplications; ++r)
    EXPECT_EQ(uncertain.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(0, layout.in_care_column()))), 83'630);
  EXPECT_GT(spread(uncertain), 3 * spread(results));
}
