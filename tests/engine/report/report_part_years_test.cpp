// A forecast from 31 March in the report: the exits start with a whole financial year, and the costs' first
// "year", the one day of 31 March, is called a day, not a month.

#include <gtest/gtest.h>

#include "html_checker.hpp"
#include "report_tables.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

TEST(ReportPartYears, AForecastFromThirtyFirstMarchStartsWithAWholeYear) {
  json document = scenario_skeleton(24, "2021-03-31");
  document["states"] = {{{"id", "foster"}}};
  document["exits"] = {{{"id", "home"}}};
  document["transitions"] = {{{"from", "foster"}, {"to", "home"}, {"time", exponential(400)}}};
  document["initial_population"] = {{{"state", "foster"}, {"count", 100}, {"age_years", {{"5-9", 1.0}}}}};
  document["placement_types"] = {{{"id", "in_house_foster"}, {"weekly_cost", 700}}};
  document["placement_mix"] = {{"foster", {{"in_house_foster", 1.0}}}};
  Scenario scenario = scenario_from_json(document);
  RunResults results = run(document, 20);
  std::unique_ptr<HtmlElement> root;
  ASSERT_NO_THROW(root = parse_html(render_report(scenario, results)));

  ASSERT_NE(root->find_id("table-exits"), nullptr);
  const std::string exits = root->find_id("table-exits")->all_text();
  EXPECT_NE(exits.find("2021/22"), std::string::npos) << exits;
  EXPECT_NE(exits.find("2022/23"), std::string::npos) << exits;
  EXPECT_EQ(exits.find("2020/21"), std::string::npos) << exits;
  EXPECT_EQ(exits.find("month"), std::string::npos) << exits;  // both years whole

  ASSERT_NE(root->find_id("table-costs"), nullptr);
  const std::string costs = root->find_id("table-costs")->all_text();
  EXPECT_NE(costs.find("2020/21 (1 day)"), std::string::npos) << costs;
  EXPECT_EQ(costs.find("2020/21 (1 month)"), std::string::npos) << costs;
}
