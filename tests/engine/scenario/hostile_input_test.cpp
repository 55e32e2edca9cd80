// Hostile or absurd input (issue 16): what nlohmann's parser lets through (a key twice, a NUL byte, nesting
// without end), values that are not finite, dates, counts and amounts of money beyond what the engine's
// arithmetic holds, and files that are not scenarios at all. Each is an InputError naming the file and
// the place. The CLI's view of the same is tests/data/bad_scenarios and cli_hardening_test.cpp.

#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>

#include <unistd.h>

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/base/json_text.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;
namespace fs = std::filesystem;

namespace {

json valid_scenario() {
  json document = scenario_skeleton(12);
  document["states"] = {{{"id", "ico"}}, {{"id", "foster"}}};
  document["exits"] = {{{"id", "sgo"}}};
  document["transitions"] = {{{"from", "ico"}, {"to", "foster"}, {"time", exponential(180)}, {"via", "court"}},
                             {{"from", "foster"}, {"to", "sgo"}, {"time", exponential(400)}}};
  document["arrivals"] = {{{"state", "ico"}, {"per_year", 40}, {"age_years", {{"0", 1}}}}};
  document["pipelines"] = {{{"id", "court"},
                            {"stages", {{{"id", "hearing"}, {"capacity_per_month", 9'000'000}, {"service_time", exponential(30)}}}}}};
  document["foster_placements"] = {{"states", {"foster"}}, {"overflow_state", "ico"}, {"free_at_start", 5}, {"recruited_per_year", 60'000}};
  document["placement_types"] = {{{"id", "home"}, {"weekly_cost", 800}}};
  document["placement_mix"] = {{"ico", {{"home", 1}}}, {"foster", {{"home", 1}}}};
  document["costs"] = {{"allowances", {{{"id", "sgo_allowance"}, {"exit", "sgo"}, {"weekly_cost", 150}, {"years", 2}}}},
                       {"budgets", {{{"financial_year", "2021/22"}, {"amount", 1'000'000}}}}};
  return document;
}

json add_capacity(const std::string& resource, const std::string& key, double amount) {
  return {{"type", "add_capacity"}, {"resource", resource}, {key, amount}, {"start", "2021-06-01"}};
}

// Where parsing `document` fails, as "PATH: MESSAGE", or "accepted".
std::string refusal(const json& document) {
  try {
    scenario_from_json(document, "hostile.json");
  } catch (const InputError& error) {
    EXPECT_EQ(error.source(), "hostile.json");
    return error.place() + ": " + error.message();
  }
  return "accepted";
}

std::string refusal_of_text(const std::string& text) {
  try {
    scenario_from_text(text, "hostile.json");
  } catch (const InputError& error) {
    return error.place() + ": " + error.message();
  }
  return "accepted";
}

bool starts_with(const std::string& text, const std::string& prefix) { return text.rfind(prefix, 0) == 0; }

}  // namespace

TEST(HostileInput, TheValidScenarioParses) { EXPECT_EQ(refusal(valid_scenario()), "accepted"); }

TEST(HostileInput, NumbersThatAreNotFiniteAreNamedAsSuch) {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  json document = valid_scenario();
  document["transitions"][0]["time"]["mean_days"] = nan;
  EXPECT_EQ(refusal(document), "/transitions/0/time/mean_days: must be a finite number, got NaN (not a number)");
  document = valid_scenario();
  document["arrivals"][0]["per_year"] = -inf;
  EXPECT_EQ(refusal(document), "/arrivals/0/per_year: must be a finite number, got -infinity");
  document = valid_scenario();
  document["horizon_months"] = inf;  // a whole number as far as floor() can tell
  EXPECT_EQ(refusal(document), "/horizon_months: must be a finite number, got infinity");
  document = valid_scenario();
  document["name"] = nan;
  EXPECT_EQ(refusal(document), "/name: must be a string, got NaN (not a number)");
}

TEST(HostileInput, AKeyGivenTwiceIsRefusedAtItsPathWithBothLines) {
  std::string text = valid_scenario().dump(2);
  // The second transition's time gets a second mean_days, one line below the first.
  const std::string first = "\"mean_days\": 400";
  size_t at = text.find(first);
  ASSERT_NE(at, std::string::npos);
  text.insert(at + first.size(), ",\n \"mean_days\": 4");
  const std::string message = refusal_of_text(text);
  EXPECT_TRUE(starts_with(message, "/transitions/1/time/mean_days: duplicate key \"mean_days\" (at line ")) << message;
  EXPECT_NE(message.find("; first at line "), std::string::npos) << message;

  // In an array of arrays, and for keys that need escaping in a JSON path.
  EXPECT_EQ(refusal_of_text(R"({"note": [[1], [2, {"a/b": 1, "x": 2, "a/b": 3}]]})"),
            "/note/1/1/a~1b: duplicate key \"a/b\" (at line 1, column 39; first at line 1, column 21): a key may appear "
            "once in an object (otherwise the last would silently win)");
  // The same key in different objects is no duplicate.
  EXPECT_TRUE(starts_with(refusal_of_text(R"({"note": [{"a": 1}, {"a": 2}], "x": {"a": 3}})"), "/x: unknown key"))
      << "fails on the scenario, not on its keys";
}

TEST(HostileInput, NestingIsLimitedTo100Levels) {
  auto nested = [](int levels) { return "{\"note\": " + std::string(levels - 1, '[') + std::string(levels - 1, ']') + "}"; };
  EXPECT_EQ(refusal_of_text(nested(100)), "/format: is required") << "parsed, and refused only as a scenario";
  EXPECT_EQ(refusal_of_text(nested(101)),
            "line 1, column 109: arrays and objects are nested more than 100 levels deep, the most caseflow reads (a "
            "scenario needs fewer than 10)");
  // Brackets inside strings are text, not nesting.
  EXPECT_EQ(refusal_of_text("{\"note\": \"" + std::string(500, '[') + "\"}"), "/format: is required");
}

TEST(HostileInput, ANulByteIsNamedByLineAndColumn) {
  std::string text = "{\n  \"name\": \"a\"\n}";
  text.insert(text.size() - 1, std::string(1, '\0'));  // before the closing brace: the parser would stop there
  EXPECT_EQ(refusal_of_text(text),
            "line 3, column 1: contains a NUL byte, which JSON text cannot contain: is it a binary file rather than JSON?");
  text = std::string("{\"name\": \"a") + '\0' + "b\"}";  // inside a string
  EXPECT_TRUE(starts_with(refusal_of_text(text), "line 1, column 12: contains a NUL byte")) << refusal_of_text(text);
}

TEST(HostileInput, DatesMustFallBetween1900And2399) {
  const std::string range = "must be a date from 1900-01-01 to 2399-12-31, the dates caseflow supports, got ";
  json document = valid_scenario();
  document["start_date"] = "1899-12-31";
  EXPECT_EQ(refusal(document), "/start_date: " + range + "\"1899-12-31\"");
  document["start_date"] = "2400-01-01";
  EXPECT_EQ(refusal(document), "/start_date: " + range + "\"2400-01-01\"");

  // The edges are accepted; a century's forecast from the last day still writes four-digit years.
  document["start_date"] = "1900-01-01";
  EXPECT_EQ(refusal(document), "accepted");
  document["start_date"] = "2399-12-31";
  document["horizon_months"] = 1200;
  Scenario last = scenario_from_json(document, "hostile.json");
  EXPECT_EQ(format_iso_date(add_months(last.start_date, last.horizon_months)), "2499-12-31");

  document = valid_scenario();
  document["costs"]["inflation_from"] = "0001-01-01";
  EXPECT_EQ(refusal(document), "/costs/inflation_from: " + range + "\"0001-01-01\"");
  document = valid_scenario();
  document["interventions"] = {{{"type", "move_children"}, {"from", "ico"}, {"to", "foster"}, {"count", 1}, {"date", "9999-12-31"}}};
  EXPECT_EQ(refusal(document), "/interventions/0/date: " + range + "\"9999-12-31\"");
  document = valid_scenario();
  document["costs"]["budgets"][0]["financial_year"] = "2399/00";
  EXPECT_EQ(refusal(document),
            "/costs/budgets/0/financial_year: must be a financial year from 1900/01 to 2398/99, the years caseflow "
            "supports, got \"2399/00\"");
}

TEST(HostileInput, MoneyAndRatesAreBoundedSoCostsStayFinite) {
  const std::string money = "must be at most 1000000000000 pounds (a million million, the most any amount may be), got ";
  struct Case {
    std::function<void(json&)> mutate;
    std::string refusal;
  };
  const std::vector<Case> cases = {
      {[](json& d) { d["placement_types"][0]["weekly_cost"] = 1e12; }, "accepted"},
      {[](json& d) { d["placement_types"][0]["weekly_cost"] = 1.000001e12; }, "/placement_types/0/weekly_cost: " + money + "1000001000000.0"},
      {[](json& d) { d["placement_types"][0]["weekly_cost"] = 1e308; }, "/placement_types/0/weekly_cost: " + money + "1e+308"},
      {[](json& d) { d["costs"]["allowances"][0]["weekly_cost"] = 1e300; }, "/costs/allowances/0/weekly_cost: " + money + "1e+300"},
      {[](json& d) { d["costs"]["budgets"][0]["amount"] = 1e13; }, "/costs/budgets/0/amount: " + money + "10000000000000.0"},
      {[](json& d) { d["interventions"] = {{{"type", "divert_arrivals"}, {"share", 0.1}, {"start", "2021-03-01"}, {"annual_cost", 1e200}}}; },
       "/interventions/0/annual_cost: " + money + "1e+200"},
      {[](json& d) { d["placement_types"][0]["inflation_per_year"] = 1; }, "accepted"},
      {[](json& d) { d["placement_types"][0]["inflation_per_year"] = 1e300; },
       "/placement_types/0/inflation_per_year: must be at most 1 (100% a year), got 1e+300"},
      {[](json& d) { d["costs"]["allowances"][0]["inflation_per_year"] = -1; }, "/costs/allowances/0/inflation_per_year: must be greater than -1"},
      {[](json& d) { d["costs"]["allowances"][0]["inflation_per_year"] = 2.5; },
       "/costs/allowances/0/inflation_per_year: must be at most 1 (100% a year), got 2.5"},
      {[](json& d) { d["costs"]["discount_rate_per_year"] = 1; }, "accepted"},
      {[](json& d) { d["costs"]["discount_rate_per_year"] = 35; }, "/costs/discount_rate_per_year: must be at most 1 (100% a year), got 35"},
  };
  for (const Case& c : cases) {
    json document = valid_scenario();
    c.mutate(document);
    EXPECT_EQ(refusal(document), c.refusal);
  }
}

TEST(HostileInput, CapacitiesAddedUpStayWithinTheCountsTheSimulationKeeps) {
  json document = valid_scenario();
  // 9,000,000 a month and a million more is the limit; a cut does not make room for a later increase.
  document["interventions"] = {add_capacity("court/hearing", "per_month", 1'000'000), add_capacity("court/hearing", "per_month", -5)};
  EXPECT_EQ(refusal(document), "accepted");
  document["interventions"].push_back(add_capacity("court/hearing", "per_month", 1));
  EXPECT_EQ(refusal(document),
            "/interventions/2/per_month: takes the capacity of \"court/hearing\" above 10000000 a month (its "
            "capacity_per_month and every add_capacity on it added up), the most caseflow counts");

  // 215 interventions of 10,000,000 each would overflow an int: the first past the limit is named.
  document = valid_scenario();
  document["pipelines"][0]["stages"][0]["capacity_per_month"] = 0;
  document["interventions"] = json::array();
  for (int i = 0; i < 215; ++i) document["interventions"].push_back(add_capacity("court/hearing", "per_month", 10'000'000));
  EXPECT_TRUE(starts_with(refusal(document), "/interventions/1/per_month: takes the capacity")) << refusal(document);

  document = valid_scenario();
  document["interventions"] = {add_capacity("foster_placements", "placements", 9'999'995)};
  EXPECT_EQ(refusal(document), "accepted");
  document["interventions"].push_back(add_capacity("foster_placements", "placements", 1));
  EXPECT_EQ(refusal(document),
            "/interventions/1/placements: takes the foster placements above 10000000 (free_at_start and every "
            "add_capacity on them added up), the most caseflow counts");

  document = valid_scenario();
  document["interventions"] = {add_capacity("foster_placements", "recruited_per_year", 40'000)};
  EXPECT_EQ(refusal(document), "accepted");
  document["interventions"].push_back(add_capacity("foster_placements", "recruited_per_year", 1));
  EXPECT_TRUE(starts_with(refusal(document), "/interventions/1/recruited_per_year: takes the foster placements recruited above 100000 a year"))
      << refusal(document);
  document = valid_scenario();
  document["foster_placements"]["recruited_per_year"] = 1e300;  // each recruit is an event: this would never end
  EXPECT_TRUE(starts_with(refusal(document), "/foster_placements/recruited_per_year: must be at most 100000 a year, got 1e+300"))
      << refusal(document);
}

class ScenarioFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("caseflow-hostile-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string refusal_of_file(const fs::path& path) {
    try {
      load_scenario(path);
    } catch (const InputError& error) {
      EXPECT_EQ(error.source(), path.string());
      return error.place() + ": " + error.message();
    }
    return "accepted";
  }

  fs::path dir_;
};

TEST_F(ScenarioFiles, WhatIsNotAScenarioFileSaysWhatItIs) {
  EXPECT_EQ(refusal_of_file(dir_), ": is a folder, not a scenario file");
  EXPECT_EQ(refusal_of_file(dir_ / "absent.json"), ": cannot open the scenario file");
  EXPECT_EQ(refusal_of_file("/dev/zero"),
            "line 1, column 1: contains a NUL byte, which JSON text cannot contain: is it a binary file rather than JSON?");
  EXPECT_TRUE(starts_with(refusal_of_file("/dev/urandom"), "line ")) << "stops at the first NUL, without reading on";
}

TEST_F(ScenarioFiles, AFileIsReadUpTo64MegabytesAndNoFurther) {
  const fs::path large = dir_ / "large.json";
  {
    std::ofstream out(large, std::ios::binary);
    std::string spaces(1024 * 1024, ' ');
    for (int i = 0; i < 64; ++i) out << spaces;  // exactly the limit: read, and then not JSON
  }
  EXPECT_TRUE(starts_with(refusal_of_file(large), "line 1, column 67108865: invalid JSON")) << refusal_of_file(large);
  { std::ofstream(large, std::ios::binary | std::ios::app) << ' '; }
  EXPECT_EQ(refusal_of_file(large),
            ": is larger than 64 MB, the most caseflow reads as a scenario file (a scenario is a few hundred kB at most): "
            "is it the right file?");
  EXPECT_EQ(detail::kMaxJsonFileBytes, 64u * 1024 * 1024);
}
