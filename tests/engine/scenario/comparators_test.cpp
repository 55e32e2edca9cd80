// The optional "comparators" key that reports draw as reference lines: validated at its JSON path,
// written back, and ignored by the simulation.

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
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
      {{{"id", "west_midlands"}, {"label", "West Midlands rate"}, {"count", 296}, {"note", "CLA report, para 3"}},
       {{"id", "england"}, {"count", 235.5}}}));
  ASSERT_EQ(scenario.comparators.size(), 2u);
  EXPECT_EQ(scenario.comparators[0].id, "west_midlands");
  EXPECT_EQ(scenario.comparators[0].label, "West Midlands rate");
  EXPECT_EQ(scenario.comparators[0].count, 296);
  EXPECT_EQ(scenario.comparators[0].note, "CLA report, para 3");
  EXPECT_EQ(scenario.comparators[1].label, "");
  EXPECT_EQ(scenario.comparators[1].count, 235.5);
}

TEST(Comparators, MistakesAreReportedAtTheirJsonPath) {
  expect_error(with_comparators(json::object()), "/comparators", "must be an array");
  expect_error(with_comparators({{{"id", "x"}}}), "/comparators/0/count", "is required");
  expect_error(with_comparators({{{"id", "x"}, {"count", 1}}, {{"id", "y"}, {"count", -4}}}), "/comparators/1/count",
               "must be >= 0, got -4");
  expect_error(with_comparators({{{"id", "x"}, {"count", "296"}}}), "/comparators/0/count", "must be a number");
  expect_error(with_comparators({{{"id", "West Midlands"}, {"count", 1}}}), "/comparators/0/id", "must be an id");
  expect_error(with_comparators({{{"id", "x"}, {"count", 1}}, {{"id", "x"}, {"count", 2}}}), "/comparators/1/id",
               "duplicate comparator id");
  expect_error(with_comparators({{{"id", "x"}, {"lable", "x"}, {"count", 1}}}), "/comparators/0/lable", "did you mean \"label\"?");
}

TEST(Comparators, RoundTripThroughJson) {
  json document = with_comparators({{{"id", "region"}, {"label", "Region"}, {"count", 130}, {"note", "n"}}});
  json written = scenario_to_json(scenario_from_json(document));
  EXPECT_EQ(written["comparators"], document["comparators"]);
  EXPECT_EQ(scenario_to_json(scenario_from_json(written)), written);
}

TEST(Comparators, DoNotChangeTheSimulation) {
  json without = load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json");
  json with = with_comparators({{{"id", "region"}, {"count", 130}}});
  RunResults a = run(without, 20, 5), b = run(with, 20, 5);
  EXPECT_EQ(a.stocks, b.stocks);
  EXPECT_EQ(a.flows, b.flows);
}
