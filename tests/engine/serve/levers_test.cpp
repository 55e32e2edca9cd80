// The levers of the what-if page: generated from a scenario, named by the JSON path of their number, and
// written back into its document with the stated ranges moved along.
#include <gtest/gtest.h>

#include <algorithm>

#include "caseflow/base/input_error.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/serve/levers.hpp"

namespace caseflow {
namespace {

using nlohmann::json;

const std::string kScenarios = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/";

const Lever& find(const std::vector<Lever>& levers, const std::string& path) {
  auto found = std::find_if(levers.begin(), levers.end(), [&](const Lever& l) { return l.path == path; });
  if (found == levers.end()) throw std::runtime_error("no lever " + path);
  return *found;
}

TEST(Levers, EveryInterventionArrivalUnitCostAndBudgetHasItsLevers) {
  const Scenario strategy = load_scenario(kScenarios + "strategies/all-combined.json");
  const std::vector<Lever> levers = scenario_levers(strategy);
  const json document = scenario_to_json(strategy);
  for (const Lever& lever : levers) {
    // Each names a number (or a date) that is in the document, with its value; a running cost of 0 is left out.
    if (!document.contains(json::json_pointer(lever.path))) {
      EXPECT_TRUE(lever.path.ends_with("/annual_cost") && lever.value == 0) << lever.path;
      continue;
    }
    const json& value = document[json::json_pointer(lever.path)];
    if (lever.kind == Lever::Kind::date) {
      EXPECT_EQ(value.get<std::string>(), lever.date) << lever.path;
    } else {
      EXPECT_DOUBLE_EQ(value.get<double>(), lever.value) << lever.path;
      EXPECT_LE(lever.min, lever.value) << lever.path;
      EXPECT_GE(lever.max, lever.value) << lever.path;
    }
  }
  const Lever& share = find(levers, "/interventions/0/share");
  EXPECT_EQ(share.kind, Lever::Kind::share);
  ASSERT_TRUE(share.stated_range.has_value());  // the file states share_range
  EXPECT_LE(share.min, share.stated_range->low);
  EXPECT_GE(share.max, share.stated_range->high);
  EXPECT_EQ(find(levers, "/interventions/2/date").kind, Lever::Kind::date);  // move_children has a date, not a window
  EXPECT_EQ(find(levers, "/interventions/4/per_month").kind, Lever::Kind::whole);
  find(levers, "/arrivals/0/per_year");
  find(levers, "/placement_types/0/weekly_cost");
  EXPECT_EQ(find(levers, "/costs/budgets/1/amount").label, "Budget for 2022/23 (£)");
}

TEST(Levers, AppliedValuesReachTheScenarioAndMoveTheirRanges) {
  const Scenario strategy = load_scenario(kScenarios + "strategies/all-combined.json");
  const json document = scenario_to_json(strategy);
  const json changed = apply_levers(strategy, document,
                                    {{"/interventions/0/share", 0.2}, {"/arrivals/0/per_year", 80}, {"/interventions/0/start", "2021-06-01"}});
  const Scenario read = scenario_from_json(changed, "strategy");
  EXPECT_DOUBLE_EQ(read.interventions[0].share, 0.2);
  EXPECT_DOUBLE_EQ(read.arrivals[0].per_year, 80);
  EXPECT_EQ(format_iso_date(read.interventions[0].start), "2021-06-01");
  // A share's range is scaled with it: 0.15 in [0.05, 0.25] becomes 0.2 in [0.2/3, 1/3].
  const NumberRange& range = read.ranges.at("/interventions/0/share");
  EXPECT_NEAR(range.low, 0.05 * 0.2 / 0.15, 1e-12);
  EXPECT_NEAR(range.high, 0.25 * 0.2 / 0.15, 1e-12);
  // Untouched numbers are as they were.
  EXPECT_DOUBLE_EQ(read.interventions[1].share, strategy.interventions[1].share);
}

TEST(Levers, ARangeThatCannotHoldTheNewValueIsDropped) {
  const Scenario strategy = load_scenario(kScenarios + "strategies/all-combined.json");
  const json changed = apply_levers(strategy, scenario_to_json(strategy), {{"/interventions/0/share", 0}});
  const Scenario read = scenario_from_json(changed, "strategy");
  EXPECT_EQ(read.interventions[0].share, 0);
  EXPECT_FALSE(read.ranges.contains("/interventions/0/share"));
}

TEST(Levers, UnknownPathsAndWrongTypesAreRefusedWithTheirPath) {
  const Scenario strategy = load_scenario(kScenarios + "strategies/all-combined.json");
  const json document = scenario_to_json(strategy);
  auto place_of = [&](const json& values) {
    try {
      apply_levers(strategy, document, values);
    } catch (const InputError& error) {
      return error.place();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(place_of({{"/states/0/id", 1}}), "/states/0/id");
  EXPECT_EQ(place_of({{"/interventions/0/share", "a lot"}}), "/interventions/0/share");
  EXPECT_EQ(place_of({{"/interventions/0/start", "next spring"}}), "/interventions/0/start");
  EXPECT_EQ(place_of({{"/interventions/4/per_month", 1.5}}), "/interventions/4/per_month");
  EXPECT_EQ(place_of({{"/interventions/4/per_month", 2}}), "accepted");
  EXPECT_THROW(apply_levers(strategy, document, json::array()), InputError);
}

TEST(Levers, TheReaderJudgesWhatTheValuesMakeOfTheScenario) {
  const Scenario strategy = load_scenario(kScenarios + "strategies/all-combined.json");
  const json changed = apply_levers(strategy, scenario_to_json(strategy), {{"/interventions/0/share", 1.5}});
  try {
    scenario_from_json(changed, "strategy");
    FAIL() << "a share of 1.5 was accepted";
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "/interventions/0/share");
  }
}

}  // namespace
}  // namespace caseflow
