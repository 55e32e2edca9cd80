// The Herefordshire 2020 scenarios against the council's own reported figures (the cohort table of the
// 'Looked after children reduction update, 2nd November 2020', docs/herefordshire-2020.md).

#include <algorithm>
#include <map>
#include <utility>

#include <cstdio>

#include <gtest/gtest.h>

#include "caseflow/stats/summary.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {
std::string scenario_path(const std::string& name) { return std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/" + name; }
}  // namespace

TEST(Herefordshire, BaselineStartsFromTheReportedCohorts) {
  Simulation simulation(load_scenario(scenario_path("herefordshire-2020.json")));
  RunOptions options;
  options.replications = 2;
  RunResults results = run_replications(simulation, options);
  const OutputLayout& layout = results.layout;
  std::map<std::string, int> reported = {{"ico", 35},         {"placement_order", 24}, {"placed_with_parents", 22},
                                         {"plan_sgo", 46},    {"plan_reunification", 17}, {"long_term_foster", 107},
                                         {"residential_disability", 8}, {"residential", 35}, {"section20", 22},
                                         {"uasc", 2},         {"supported_accommodation", 8}, {"in_care", 336}};
  for (size_t c = 0; c < layout.stock_columns.size(); ++c)
    if (reported.count(layout.stock_columns[c]))
      EXPECT_EQ(results.stocks(0, static_cast<Eigen::Index>(layout.stock_cell(0, c))), reported[layout.stock_columns[c]])
          << layout.stock_columns[c];
}

// Started from the end-of-February 2020 counts, the 90% band (with all the uncertainty the scenario states:
// chance, its parameters' ranges and drift) covers the totals reported at the ends of August, September and
// October 2020. The cohorts are held as often as honest 90% bands allow: 11 cohorts at three dates each, and a
// cohort the model gets wrong is wrong at all three, so the misses come in threes; with a 10% chance of a miss
// per cohort, two or more cohorts out of eleven miss about 30% of the time and three or more 9%, so up to two
// (six cells) are accepted. Known misses (docs/herefordshire-2020.md), left out: UASC and supported
// accommodation, emptied by the 2020 lockdown, which the model does not know about.
TEST(Herefordshire, BackTestFromFebruaryCoversTheReportedTotals) {
  Simulation simulation(load_scenario(scenario_path("herefordshire-2020-02.json")));
  RunOptions options;
  options.replications = 1000;
  options.uncertainty = Uncertainty::all;
  RunResults results = run_replications(simulation, options);
  CellSummary summary = summarize_cells(results.stocks, {0.05, 0.95});
  const OutputLayout& layout = results.layout;
  // Counts at the end of August, September, October 2020 = snapshots of 1 September, 1 October, 1 November.
  const std::map<std::string, std::vector<int>> reported = {
      {"ico", {38, 32, 35}},          {"placement_order", {25, 26, 24}}, {"placed_with_parents", {24, 23, 22}},
      {"plan_sgo", {51, 48, 46}},     {"plan_reunification", {18, 16, 17}}, {"long_term_foster", {112, 110, 107}},
      {"residential_disability", {8, 8, 8}}, {"residential", {33, 35, 35}}, {"section20", {18, 19, 22}},
      {"uasc", {1, 2, 2}},            {"supported_accommodation", {4, 4, 8}}, {"short_term_unsettled", {11, 15, 10}},
      {"in_care", {343, 338, 336}}};
  const std::vector<std::string> known_misses = {"uasc", "supported_accommodation"};
  int covered = 0, checked = 0;
  for (size_t c = 0; c < layout.stock_columns.size(); ++c) {
    const std::string& column = layout.stock_columns[c];
    if (!reported.count(column)) continue;
    for (size_t i = 0; i < 3; ++i) {
      auto cell = static_cast<Eigen::Index>(layout.stock_cell(6 + i, c));
      int count = reported.at(column)[i];
      bool inside = summary.quantiles(cell, 0) <= count && count <= summary.quantiles(cell, 1);
      if (column == "in_care") EXPECT_TRUE(inside) << "total at " << format_iso_date(layout.snapshot_dates[6 + i]);
      if (std::find(known_misses.begin(), known_misses.end(), column) == known_misses.end()) {
        if (!inside)
          std::printf("outside the 90%% band: %s at %s: %d outside %g..%g\n", column.c_str(),
                      format_iso_date(layout.snapshot_dates[6 + i]).c_str(), count, summary.quantiles(cell, 0),
                      summary.quantiles(cell, 1));
        ++checked;
        covered += inside;
      }
    }
  }
  EXPECT_EQ(checked, 33);
  EXPECT_GE(covered, checked - 6);
}

// The baseline states what it does not know (issue 15): five years ahead its 90% band, with the parameters'
// ranges and drift, is more than twice as wide as the band of chance alone, and it holds the starting count,
// so a fall is likely but not certain (with chance alone, every replication ends below 336).
TEST(Herefordshire, BaselineFiveYearBandHoldsMoreThanChance) {
  Simulation simulation(load_scenario(scenario_path("herefordshire-2020.json")));
  auto band = [&](Uncertainty uncertainty) {
    RunOptions options;
    options.replications = 400;
    options.uncertainty = uncertainty;
    RunResults results = run_replications(simulation, options);
    CellSummary summary = summarize_cells(results.stocks, {0.05, 0.95});
    const OutputLayout& layout = results.layout;
    EXPECT_EQ(format_iso_date(layout.snapshot_dates.back()), "2025-11-02");
    auto cell = static_cast<Eigen::Index>(layout.stock_cell(layout.snapshots() - 1, layout.in_care_column()));
    return std::pair<double, double>(summary.quantiles(cell, 0), summary.quantiles(cell, 1));
  };
  const auto [chance_low, chance_high] = band(Uncertainty::chance);
  const auto [all_low, all_high] = band(Uncertainty::all);
  EXPECT_LT(chance_high, 336) << "chance alone: a fall is certain";
  EXPECT_GT(all_high, 336) << "with what the scenario does not know, it is not";
  EXPECT_LT(all_low, chance_low);
  EXPECT_GT(all_high - all_low, 2 * (chance_high - chance_low));
}

namespace {

// Runs `base` and `strategy` over a few replications and checks that every child whose path (in either
// run) never enters one of `avoided` states follows exactly the same path in both.
void expect_untouched_children_unchanged(const json& base_document, const json& strategy_document,
                                         const std::vector<std::string>& avoided, size_t minimum_untouched) {
  const std::string folder = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios";
  Simulation base(scenario_from_json(base_document, "base", folder));
  Simulation changed(scenario_from_json(strategy_document, "strategy", folder));
  std::vector<int> avoided_states;
  for (size_t s = 0; s < base.scenario().states.size(); ++s)
    if (std::find(avoided.begin(), avoided.end(), base.scenario().states[s].id) != avoided.end())
      avoided_states.push_back(static_cast<int>(s));
  size_t untouched = 0, touched = 0;
  for (uint64_t r = 0; r < 10; ++r) {
    ReplicationRecord record;
    ChildTrace a, b;
    base.run_replication(1, r, record, &a);
    changed.run_replication(1, r, record, &b);
    auto paths = [](const ChildTrace& trace) {
      std::vector<std::vector<ChildMove>> by_child(trace.birth_days.size());
      for (const auto& move : trace.moves) by_child[move.child].push_back(move);
      return by_child;
    };
    auto pa = paths(a), pb = paths(b);
    ASSERT_EQ(pa.size(), pb.size());
    auto visits = [&](const std::vector<ChildMove>& path) {
      for (const auto& move : path)
        if (move.to.kind == Destination::Kind::state &&
            std::find(avoided_states.begin(), avoided_states.end(), move.to.index) != avoided_states.end())
          return true;
      return false;
    };
    for (size_t child = 0; child < pa.size(); ++child) {
      if (visits(pa[child]) || visits(pb[child])) {
        ++touched;
        continue;
      }
      ++untouched;
      ASSERT_EQ(pa[child].size(), pb[child].size()) << "replication " << r << " child " << child;
      for (size_t i = 0; i < pa[child].size(); ++i) {
        ASSERT_EQ(pa[child][i].time, pb[child][i].time) << "replication " << r << " child " << child;
        ASSERT_EQ(pa[child][i].to, pb[child][i].to);
      }
    }
  }
  EXPECT_GT(untouched, minimum_untouched);
  EXPECT_GT(touched, 300u);
}

json residential_strategy(const json& base) {
  json strategy = base;
  strategy["interventions"] = {{{"type", "scale_rate"}, {"from", "residential"}, {"to", "supported_accommodation"},
                                {"factor", 3}, {"start", "2021-01-01"}}};
  return strategy;
}

}  // namespace

// A strategy that touches only residential children leaves every child who is never in residential care,
// in either run, on exactly the same path, when the court has room for everyone.
TEST(Herefordshire, AStrategyOnResidentialChildrenLeavesEveryOtherChildUnchanged) {
  json base = load_scenario_json(scenario_path("herefordshire-2020.json"));
  for (auto& stage : base["pipelines"][0]["stages"]) {
    stage["capacity_per_month"] = 100000;
    stage.erase("capacity_per_month_range");  // the court's stated range is about the real court
  }
  expect_untouched_children_unchanged(base, residential_strategy(base), {"residential"}, 3000);
}

// With the real court, a child whose path changes can take another child's place in the court's queue: the
// children who never meet residential care or the court (plan_sgo, placed_with_parents) are still unchanged.
TEST(Herefordshire, WithALimitedCourtChildrenAwayFromResidentialAndTheCourtAreUnchanged) {
  json base = load_scenario_json(scenario_path("herefordshire-2020.json"));
  expect_untouched_children_unchanged(base, residential_strategy(base), {"residential", "plan_sgo", "placed_with_parents"}, 2000);
}
