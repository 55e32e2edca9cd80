// Every mistake in a scenario is reported at its JSON path, with what was expected.

#include <functional>

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json valid_scenario() {
  json document = scenario_skeleton(12);
  document["states"] = {{{"id", "ico"}, {"label", "Interim care order"}}, {{"id", "plan_sgo"}, {"label", "Plan for SGO"}}};
  document["exits"] = {{{"id", "sgo"}}, {{"id", "aged_18"}}};
  document["transitions"] = {{{"from", "ico"}, {"to", "plan_sgo"}, {"time", exponential(180)}},
                             {{"from", "plan_sgo"}, {"to", "sgo"},
                              {"time", {{"dist", "weibull"}, {"shape", 1.5}, {"scale_days", 240}}}, {"ages", {0, 18}}}};
  document["age_out"] = {{"age_years", 18}, {"exit", "aged_18"}};
  document["arrivals"] = {{{"state", "ico"}, {"per_year", 66}, {"age_years", {{"0", 0.45}, {"1-4", 0.55}}}}};
  document["initial_population"] = {{{"state", "ico"}, {"count", 35}, {"age_years", {{"0", 0.5}, {"10-15", 0.5}}},
                                     {"days_in_state", {{"dist", "uniform"}, {"min_days", 0}, {"max_days", 180}}}}};
  return document;
}

struct BadScenario {
  const char* name;
  std::function<void(json&)> mutate;
  const char* path;
  const char* message;  // a part of the message
};

const std::vector<BadScenario> kBadScenarios = {
    {"wrong format", [](json& d) { d["format"] = "caseflow-scenario/2"; }, "/format", "must be \"caseflow-scenario/1\""},
    {"missing name", [](json& d) { d.erase("name"); }, "/name", "is required"},
    {"unknown top-level key", [](json& d) { d["horizon_month"] = 3; }, "/horizon_month", "did you mean \"horizon_months\"?"},
    {"bad date", [](json& d) { d["start_date"] = "2021-02-30"; }, "/start_date", "must be a date YYYY-MM-DD"},
    {"date in UK order", [](json& d) { d["start_date"] = "02/11/2020"; }, "/start_date", "must be a date YYYY-MM-DD"},
    {"negative horizon", [](json& d) { d["horizon_months"] = -1; }, "/horizon_months", "must be between 0 and 1200"},
    {"centuries", [](json& d) { d["horizon_months"] = 5000; }, "/horizon_months", "must be between 0 and 1200"},
    {"fractional horizon", [](json& d) { d["horizon_months"] = 1.5; }, "/horizon_months", "must be a whole number"},
    {"no states", [](json& d) { d["states"] = json::array(); }, "/states", "at least one state"},
    {"states not an array", [](json& d) { d["states"] = json::object(); }, "/states", "must be an array"},
    {"bad id", [](json& d) { d["states"][1]["id"] = "Plan SGO"; }, "/states/1/id", "must be an id"},
    {"duplicate id across lists", [](json& d) { d["exits"][0]["id"] = "ico"; }, "/exits/0/id", "duplicate id \"ico\""},
    {"reserved id", [](json& d) { d["states"][0]["id"] = "in_care"; }, "/states/0/id", "reserved"},
    {"unknown key in a state", [](json& d) { d["states"][0]["lable"] = "x"; }, "/states/0/lable", "did you mean \"label\"?"},
    {"unknown from", [](json& d) { d["transitions"][0]["from"] = "icoo"; }, "/transitions/0/from", "did you mean \"ico\"?"},
    {"from an exit", [](json& d) { d["transitions"][0]["from"] = "sgo"; }, "/transitions/0/from", "is an exit"},
    {"unknown to", [](json& d) { d["transitions"][1]["to"] = "special_guardianship"; }, "/transitions/1/to", "unknown state or exit"},
    {"self transition", [](json& d) { d["transitions"][0]["to"] = "ico"; }, "/transitions/0/to", "cannot lead back"},
    {"negative mean", [](json& d) { d["transitions"][0]["time"]["mean_days"] = -5; }, "/transitions/0/time/mean_days", "must be > 0, got -5"},
    {"zero mean", [](json& d) { d["transitions"][0]["time"]["mean_days"] = 0; }, "/transitions/0/time/mean_days", "must be > 0"},
    {"string mean", [](json& d) { d["transitions"][0]["time"]["mean_days"] = "180"; }, "/transitions/0/time/mean_days", "must be a number"},
    {"misspelt distribution", [](json& d) { d["transitions"][1]["time"]["dist"] = "weibul"; }, "/transitions/1/time/dist", "did you mean \"weibull\"?"},
    {"uniform transition", [](json& d) { d["transitions"][0]["time"] = {{"dist", "uniform"}, {"min_days", 1}, {"max_days", 2}}; },
     "/transitions/0/time/dist", "unknown distribution \"uniform\""},
    {"parameter of another distribution", [](json& d) { d["transitions"][0]["time"]["shape"] = 2; }, "/transitions/0/time/shape", "unknown key"},
    {"missing weibull scale", [](json& d) { d["transitions"][1]["time"].erase("scale_days"); }, "/transitions/1/time/scale_days", "is required"},
    {"time not an object", [](json& d) { d["transitions"][0]["time"] = 180; }, "/transitions/0/time", "must be an object"},
    {"zero fixed time", [](json& d) { d["transitions"][0]["time"] = {{"dist", "fixed"}, {"days", 0}}; }, "/transitions/0/time/days", "must be > 0"},
    {"negative lognormal sd", [](json& d) { d["transitions"][0]["time"] = {{"dist", "lognormal"}, {"meanlog", 5}, {"sdlog", -1}}; },
     "/transitions/0/time/sdlog", "must be > 0"},
    {"ages backwards", [](json& d) { d["transitions"][1]["ages"] = {10, 5}; }, "/transitions/1/ages/1", "must be greater than the minimum age"},
    {"ages of three", [](json& d) { d["transitions"][1]["ages"] = {1, 2, 3}; }, "/transitions/1/ages", "must be [min, max)"},
    {"age_out to a state", [](json& d) { d["age_out"]["exit"] = "ico"; }, "/age_out/exit", "is a state, but an exit is needed"},
    {"age_out zero", [](json& d) { d["age_out"]["age_years"] = 0; }, "/age_out/age_years", "must be > 0"},
    {"negative arrivals", [](json& d) { d["arrivals"][0]["per_year"] = -3; }, "/arrivals/0/per_year", "must be >= 0"},
    {"millions of arrivals", [](json& d) { d["arrivals"][0]["per_year"] = 1e9; }, "/arrivals/0/per_year", "above the limit"},
    {"arrival into an exit", [](json& d) { d["arrivals"][0]["state"] = "sgo"; }, "/arrivals/0/state", "is an exit"},
    {"shares not summing to one", [](json& d) { d["arrivals"][0]["age_years"]["1-4"] = 0.5; }, "/arrivals/0/age_years", "must sum to 1"},
    {"bad age band", [](json& d) { d["arrivals"][0]["age_years"] = {{"0", 0.45}, {"one-four", 0.55}}; }, "/arrivals/0/age_years/one-four", "must be a whole age"},
    {"band backwards", [](json& d) { d["arrivals"][0]["age_years"] = {{"0", 0.45}, {"4-1", 0.55}}; }, "/arrivals/0/age_years/4-1", "runs backwards"},
    {"overlapping bands", [](json& d) { d["arrivals"][0]["age_years"] = {{"0-2", 0.45}, {"1-4", 0.55}}; }, "/arrivals/0/age_years/1-4", "overlaps"},
    {"band at age 18", [](json& d) { d["arrivals"][0]["age_years"] = {{"0", 0.45}, {"17-18", 0.55}}; }, "/arrivals/0/age_years/17-18", "reaches the age_out age"},
    {"negative share", [](json& d) { d["initial_population"][0]["age_years"] = {{"0", 1.5}, {"10-15", -0.5}}; },
     "/initial_population/0/age_years/10-15", "must be >= 0"},
    {"fractional count", [](json& d) { d["initial_population"][0]["count"] = 3.5; }, "/initial_population/0/count", "must be a whole number"},
    {"negative count", [](json& d) { d["initial_population"][0]["count"] = -1; }, "/initial_population/0/count", "must be between 0"},
    {"uniform backwards", [](json& d) { d["initial_population"][0]["days_in_state"]["max_days"] = -1; },
     "/initial_population/0/days_in_state/max_days", "must be >= 0"},
    {"uniform max below min", [](json& d) { d["initial_population"][0]["days_in_state"] = {{"dist", "uniform"}, {"min_days", 10}, {"max_days", 5}}; },
     "/initial_population/0/days_in_state/max_days", "must be >= min_days"},
    {"cohort in an unknown state", [](json& d) { d["initial_population"][0]["state"] = "plan_sg"; }, "/initial_population/0/state", "did you mean \"plan_sgo\"?"},
    {"note not text", [](json& d) { d["states"][0]["note"] = 5; }, "/states/0/note", "must be a string"},
};

}  // namespace

TEST(Validation, TheValidScenarioParses) {
  Scenario scenario = scenario_from_json(valid_scenario(), "valid.json");
  EXPECT_EQ(scenario.states.size(), 2u);
  EXPECT_EQ(scenario.transitions[1].max_age_years, 18);
}

TEST(Validation, EveryMistakeIsReportedAtItsJsonPath) {
  for (const BadScenario& bad : kBadScenarios) {
    json document = valid_scenario();
    bad.mutate(document);
    try {
      scenario_from_json(document, "bad.json");
      ADD_FAILURE() << bad.name << ": accepted";
    } catch (const InputError& error) {
      EXPECT_EQ(error.source(), "bad.json") << bad.name;
      EXPECT_EQ(error.place(), bad.path) << bad.name << ": " << error.what();
      EXPECT_NE(error.message().find(bad.message), std::string::npos) << bad.name << ": " << error.what();
    }
  }
}

TEST(Validation, MessagesReadAsFileThenPathThenProblem) {
  json document = valid_scenario();
  document["transitions"][0]["time"]["mean_days"] = -5;
  try {
    scenario_from_json(document, "scenarios/x.json");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_STREQ(error.what(), "scenarios/x.json: /transitions/0/time/mean_days: must be > 0, got -5");
  }
}

TEST(Validation, SyntaxErrorsGiveLineAndColumn) {
  try {
    scenario_from_text("{\n  \"format\": \"caseflow-scenario/1\",\n  \"name\": oops\n}", "broken.json");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "line 3, column 11") << error.what();
    EXPECT_NE(error.message().find("invalid JSON"), std::string::npos);
  }
}

TEST(Validation, NotesAreAllowedOnEveryObject) {
  json document = valid_scenario();
  document["note"] = "top";
  document["states"][0]["note"] = "2 November update, Profile of looked after children";
  document["transitions"][0]["note"] = "t";
  document["transitions"][0]["time"]["note"] = "26 weeks";
  document["arrivals"][0]["age_years"]["note"] = "mostly babies";
  document["age_out"]["note"] = "law";
  Scenario scenario = scenario_from_json(document);
  EXPECT_EQ(scenario.states[0].note, "2 November update, Profile of looked after children");
  EXPECT_EQ(scenario.transitions[0].time.note, "26 weeks");
  EXPECT_EQ(scenario.arrivals[0].ages.note, "mostly babies");
}

TEST(Validation, ScenariosRoundTripThroughJson) {
  json document = valid_scenario();
  document["transitions"][0]["note"] = "kept";
  Scenario scenario = scenario_from_json(document);
  json written = scenario_to_json(scenario);
  EXPECT_EQ(scenario_to_json(scenario_from_json(written)), written);
  EXPECT_EQ(written["transitions"][0]["note"], "kept");
  EXPECT_EQ(written["transitions"][1]["ages"], json({0, 18}));
  EXPECT_FALSE(written["transitions"][0].contains("ages"));
}
