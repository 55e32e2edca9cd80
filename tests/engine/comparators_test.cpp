// The optional "comparators" key: parsed, validated at its JSON path, written back, and ignored by
// the simulation.

#include <gtest/gtest.h>

#include "caseflow/input_error.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json with_comparators(json comparators) {
  json document = load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json");
  document["comparators"] = std::move(comparators);
  return document;
}

void expect_error(const json& document, const std::string& path, const std::string& message) {
  try {
    scenario_from_json(document, "x.json");
    ADD_FAILURE() << "accepted " << document["comparators"].dump();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), path) << error.what();
    EXPECT_NE(error.message().find(message), std::string::npos) << error.what();
  }
}

}  // namespace

TEST(Comparators, AreReadWithTheirNotes) {
  Scenario scenario = scenario_from_json(with_comparators(
      {{{"label", "West Midlands rate"}, {"children_in_care", 296}, {"note", "seed line 2240"}},
       {{"label", "England rate"}, {"children_in_care", 235.5}}}));
  ASSERT_EQ(scenario.comparators.size(), 2u);
  EXPECT_EQ(scenario.comparators[0].label, "West Midlands rate");
  EXPECT_EQ(scenario.comparators[0].children_in_care, 296);
  EXPECT_EQ(scenario.comparators[0].note, "seed line 2240");
  EXPECT_EQ(scenario.comparators[1].children_in_care, 235.5);
  EXPECT_TRUE(scenario_from_json(with_comparators(json::array())).comparators.empty());
}

TEST(Comparators, MistakesAreReportedAtTheirJsonPath) {
  expect_error(with_comparators(json::object()), "/comparators", "must be an array");
  expect_error(with_comparators({{{"label", "x"}}}), "/comparators/0/children_in_care", "is required");
  expect_error(with_comparators({{{"label", "x"}, {"children_in_care", 1}}, {{"label", "y"}, {"children_in_care", -4}}}),
               "/comparators/1/children_in_care", "must be >= 0, got -4");
  expect_error(with_comparators({{{"label", "x"}, {"children_in_care", "296"}}}), "/comparators/0/children_in_care",
               "must be a number");
  expect_error(with_comparators({{{"label", ""}, {"children_in_care", 1}}}), "/comparators/0/label", "must not be empty");
  expect_error(with_comparators({{{"label", 3}, {"children_in_care", 1}}}), "/comparators/0/label", "must be a string");
  expect_error(with_comparators({{{"lable", "x"}, {"children_in_care", 1}}}), "/comparators/0/lable", "did you mean \"label\"?");
  expect_error(with_comparators({{{"children_in_care", 1}}}), "/comparators/0/label", "is required");
}

TEST(Comparators, RoundTripThroughJson) {
  json document = with_comparators({{{"label", "Region"}, {"children_in_care", 130}, {"note", "n"}}});
  json written = scenario_to_json(scenario_from_json(document));
  EXPECT_EQ(written["comparators"], document["comparators"]);
  EXPECT_EQ(scenario_to_json(scenario_from_json(written)), written);
  json without = load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json");
  EXPECT_FALSE(scenario_to_json(scenario_from_json(without)).contains("comparators"));
}

TEST(Comparators, DoNotChangeTheSimulation) {
  json without = load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json");
  json with = with_comparators({{{"label", "Region"}, {"children_in_care", 130}}});
  RunResults a = run(without, 20, 5), b = run(with, 20, 5);
  EXPECT_EQ(a.stocks, b.stocks);
  EXPECT_EQ(a.flows, b.flows);
}
