// check_strategy_matches_base: a strategy that cannot be set against its base is refused before anything
// runs, naming the strategy's file and the JSON path of the first difference.

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/stats/comparison.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

// States a and b, an exit, 12 months from 2021-01-01.
json two_states(int horizon_months = 12, const std::string& start_date = "2021-01-01") {
  json document = scenario_skeleton(horizon_months, start_date);
  document["states"] = {{{"id", "a"}}, {{"id", "b"}}};
  document["exits"] = {{{"id", "home"}}};
  document["transitions"] = {{{"from", "a"}, {"to", "b"}, {"time", exponential(100)}},
                             {{"from", "b"}, {"to", "home"}, {"time", exponential(200)}}};
  document["initial_population"] = {{{"state", "a"}, {"count", 5}, {"age_years", {{"5-9", 1.0}}}}};
  return document;
}

// The refusal of `strategy` against two_states(), as "place|message", or "" when it is accepted.
std::string refusal(const json& strategy, const std::string& base_file = "base.json") {
  try {
    check_strategy_matches_base(scenario_from_json(two_states()), base_file, scenario_from_json(strategy), "strategy.json");
  } catch (const InputError& error) {
    EXPECT_EQ(error.source(), "strategy.json");
    return error.place() + "|" + error.message();
  }
  return "";
}

}  // namespace

TEST(StrategyCheck, AcceptsAStrategyThatDiffersOnlyInWhatItDoes) {
  json strategy = two_states();
  strategy["name"] = "faster";
  strategy["exits"].push_back({{"id", "sgo"}});
  strategy["transitions"][0]["time"] = exponential(50);
  strategy["transitions"].push_back({{"from", "b"}, {"to", "sgo"}, {"time", exponential(400)}});
  strategy["arrivals"] = {{{"state", "a"}, {"per_year", 12}, {"age_years", {{"0", 1.0}}}}};
  EXPECT_EQ(refusal(strategy), "");
}

TEST(StrategyCheck, NamesTheFirstStateThatDiffers) {
  json renamed = two_states();
  renamed["states"][1]["id"] = "c";
  renamed["transitions"][0]["to"] = "c";
  renamed["transitions"][1]["from"] = "c";
  EXPECT_EQ(refusal(renamed), "/states/1/id|a strategy must have the same states, in the same order, as its base base.json: "
                              "\"c\" here, \"b\" in the base");
  json reordered = two_states();
  reordered["states"] = {{{"id", "b"}}, {{"id", "a"}}};
  EXPECT_EQ(refusal(reordered), "/states/0/id|a strategy must have the same states, in the same order, as its base "
                                "base.json: \"b\" here, \"a\" in the base");
}

TEST(StrategyCheck, CountsTheStatesWhenThereAreMoreOrFewer) {
  json more = two_states();
  more["states"].push_back({{"id", "c"}});
  EXPECT_EQ(refusal(more), "/states|a strategy must have the same states, in the same order, as its base base.json: it has "
                           "3 states, the base 2");
  // Without the base's file name (a scenario made in memory), the message still reads.
  EXPECT_EQ(refusal(more, ""), "/states|a strategy must have the same states, in the same order, as its base: it has 3 "
                               "states, the base 2");
}

TEST(StrategyCheck, NamesADifferentStartDateOrHorizonWithBothValues) {
  EXPECT_EQ(refusal(two_states(12, "2021-02-01")), "/start_date|must equal the base's start date 2021-01-01, got 2021-02-01");
  EXPECT_EQ(refusal(two_states(24)), "/horizon_months|must equal the base's horizon of 12 months, got 24");
  // The states come first: they are what the tables are laid out by.
  json both = two_states(24);
  both["states"][0]["id"] = "z";
  both["transitions"][0]["from"] = "z";
  both["initial_population"][0]["state"] = "z";
  EXPECT_EQ(refusal(both).substr(0, 13), "/states/0/id|");
}
