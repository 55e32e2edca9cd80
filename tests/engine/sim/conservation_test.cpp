// Children are neither created nor lost: in every replication, each month's change in stock equals
// what came in minus what went out, exactly.

#include <algorithm>
#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "caseflow/sim/run_limits.hpp"
#include "conservation.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

// Every shipped scenario: the worked example, the Herefordshire baseline, the strategies, England. 50
// replications each, fewer for a scenario so large that 50 would take most of a minute (England simulates
// about 250,000 children a replication): about 1,000,000 children in all, and never fewer than 4 replications.
TEST(Conservation, StockChangesEqualFlowsInEveryReplicationOfEveryShippedScenario) {
  constexpr double kChildrenPerScenario = 1'000'000;
  int checked = 0;
  bool national_scale_checked = false;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios")) {
    if (entry.path().extension() != ".json") continue;
    SCOPED_TRACE(entry.path().string());
    Simulation simulation(load_scenario(entry.path()));
    const double children = estimate_run_cost(simulation, 1, 1).children;
    RunOptions options;
    options.replications = std::clamp(static_cast<int>(kChildrenPerScenario / children), 4, 50);
    expect_conservation(run_replications(simulation, options));
    national_scale_checked = national_scale_checked || children > 100'000;
    ++checked;
  }
  EXPECT_GE(checked, 10);
  EXPECT_TRUE(national_scale_checked) << "scenarios/england-2024.json";
}

// Children whose fixed time in state has already run out at the start move at time 0: that belongs to the
// starting position, and the books still balance from the first month on.
TEST(Conservation, HoldsWhenInitialChildrenMoveAtTheStart) {
  json document = scenario_skeleton(6);
  document["states"] = {{{"id", "short_stay"}}, {{"id", "settled"}}};
  document["exits"] = {{{"id", "home"}}};
  document["transitions"] = {{{"from", "short_stay"}, {"to", "settled"}, {"time", {{"dist", "fixed"}, {"days", 10}}}},
                             {{"from", "settled"}, {"to", "home"}, {"time", exponential(60)}}};
  document["arrivals"] = {{{"state", "short_stay"}, {"per_year", 50}, {"age_years", {{"0", 1.0}}}}};
  document["initial_population"] = {{{"state", "short_stay"},
                                     {"count", 40},
                                     {"age_years", {{"0", 1.0}}},
                                     {"days_in_state", {{"dist", "uniform"}, {"min_days", 0}, {"max_days", 20}}}}};
  RunResults results = run(document, 100);
  expect_conservation(results);
  // About half the cohort (days_in_state > 10) has moved on before the first snapshot.
  double at_start = mean_of(results.stocks, results.layout.stock_cell(0, 0));
  EXPECT_NEAR(at_start, 20.0, tolerance(10.0, 100));
  EXPECT_EQ(results.stocks(0, static_cast<Eigen::Index>(results.layout.stock_cell(0, 2))), 40);
}
