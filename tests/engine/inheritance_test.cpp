// Scenario inheritance: a strategy file holds only what it changes.

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/stats/comparison.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {
std::string fixture(const std::string& name) { return std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/inheritance/" + name; }

std::string error_of(const std::string& file) {
  try {
    load_scenario(fixture(file));
  } catch (const InputError& error) {
    return error.what();
  }
  return "accepted";
}
}  // namespace

TEST(Inheritance, OverridesMergeIntoTheBase) {
  Scenario same = load_scenario(fixture("same.json"));
  EXPECT_EQ(same.name, "changes nothing");
  EXPECT_EQ(same.transitions.size(), 2u);
  Scenario longer = load_scenario(fixture("longer.json"));  // a base that itself has a base
  EXPECT_EQ(longer.horizon_months, 24);
  EXPECT_TRUE(longer.arrivals.empty());  // null deletes
  EXPECT_EQ(longer.initial_population.size(), 1u);
}

TEST(Inheritance, AStrategyThatChangesNothingDiffersByExactlyZeroInEveryReplication) {
  Simulation base(load_scenario(fixture("base.json")));
  Simulation same(load_scenario(fixture("same.json")));
  RunOptions options;
  options.replications = 200;
  RunResults a = run_replications(base, options), b = run_replications(same, options);
  EXPECT_TRUE(a.stocks == b.stocks);
  EXPECT_TRUE(a.flows == b.flows);
  StrategyComparison comparison = compare_runs(a, b, {});
  for (const auto& difference : comparison.in_care_difference) {
    EXPECT_EQ(difference.p05, 0);
    EXPECT_EQ(difference.p95, 0);
    EXPECT_EQ(difference.mean, 0);
  }
  EXPECT_EQ(comparison.child_days_avoided.p05, 0);
  EXPECT_EQ(comparison.child_days_avoided.p95, 0);
}

TEST(Inheritance, ErrorsNameTheFileAndPath) {
  EXPECT_NE(error_of("loop_a.json").find("more than 16 levels of \"base\""), std::string::npos) << error_of("loop_a.json");
  EXPECT_NE(error_of("missing_base.json").find("missing_base.json: /base: cannot open the base scenario"), std::string::npos)
      << error_of("missing_base.json");
  EXPECT_NE(error_of("bad_override.json").find("bad_override.json: /horizon_months: must be between 0 and 1200, got -3"),
            std::string::npos)
      << error_of("bad_override.json");
}

TEST(Inheritance, ABaseNeedsAFolderToLookIn) {
  json document = {{"base", "base.json"}};
  try {
    scenario_from_json(document, "inline");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "/base");
  }
}
