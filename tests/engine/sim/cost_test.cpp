// Placement costs: exact integrals, financial years, inflation, discounting, allowances, running costs.

#include <cmath>

#include <gtest/gtest.h>

#include "caseflow/stats/cost_summary.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

// `count` children who stay put in one placement type costing £700 a week (£100 a day).
json constant_population(int count, const std::string& start, int months) {
  json document = scenario_skeleton(months, start);
  document["states"] = {{{"id", "long_term_foster"}}};
  document["initial_population"] = {{{"state", "long_term_foster"}, {"count", count}, {"age_years", {{"5", 1.0}}}}};
  document["placement_types"] = {{{"id", "in_house_foster"}, {"weekly_cost", 700}}};
  document["placement_mix"] = {{"long_term_foster", {{"in_house_foster", 1.0}}}};
  return document;
}

double period_cost(const RunResults& results, const std::string& label, const std::string& category, Eigen::Index r = 0) {
  const OutputLayout& layout = results.layout;
  for (size_t p = 0; p < layout.cost_periods.size(); ++p)
    for (size_t c = 0; c < layout.cost_categories.size(); ++c)
      if (layout.cost_periods[p].label == label && layout.cost_categories[c] == category)
        return results.costs(r, static_cast<Eigen::Index>(layout.cost_cell(p, c)));
  ADD_FAILURE() << "no cost cell " << label << " " << category;
  return 0;
}

}  // namespace

// 10 children x £100 a day: February 2024 has 29 days, and 1 April starts a new financial year.
TEST(Costs, ConstantPopulationCostsCountTimesDailyCostTimesDaysSplitAtLeapDayAndFinancialYear) {
  RunResults results = run(constant_population(10, "2024-02-01", 3), 3);
  EXPECT_DOUBLE_EQ(period_cost(results, "2024-02", "in_house_foster"), 10 * 100.0 * 29);
  EXPECT_DOUBLE_EQ(period_cost(results, "2024-03", "in_house_foster"), 10 * 100.0 * 31);
  EXPECT_DOUBLE_EQ(period_cost(results, "2024-04", "in_house_foster"), 10 * 100.0 * 30);
  DaysMatrix years = financial_year_costs(results);
  ASSERT_EQ(results.layout.financial_years.size(), 2u);
  EXPECT_EQ(results.layout.financial_years[0].label, "2023/24");
  EXPECT_DOUBLE_EQ(years(0, 0), 10 * 100.0 * 60);
  EXPECT_DOUBLE_EQ(years(0, 1), 10 * 100.0 * 30);
  DaysMatrix per_child = cost_per_child_year(results);
  EXPECT_NEAR(per_child(0, 0), 700.0 / 7 * 365.25, 1e-6);  // £36,525 a child-year
}

// A snapshot month that starts mid-month splits at calendar months all the same.
TEST(Costs, MidMonthStartIsSplitAtCalendarMonths) {
  RunResults results = run(constant_population(3, "2020-11-02", 2), 2);
  EXPECT_DOUBLE_EQ(period_cost(results, "2020-11", "in_house_foster"), 3 * 100.0 * 29);
  EXPECT_DOUBLE_EQ(period_cost(results, "2020-12", "in_house_foster"), 3 * 100.0 * 31);
  EXPECT_DOUBLE_EQ(period_cost(results, "2021-01", "in_house_foster"), 3 * 100.0 * 1);
}

// Inflation of i a year compounds continuously from its date: the cost over [a, b] after that date is
// w/7 * 365.25/ln(1+i) * ((1+i)^(b/365.25) - (1+i)^(a/365.25)), t counted from the inflation date.
TEST(Costs, InflationCompoundsFromItsDateAndDiscountingMatchesTheClosedForm) {
  json document = constant_population(1, "2024-01-01", 24);
  document["placement_types"][0]["inflation_per_year"] = 0.10;
  document["costs"] = {{"inflation_from", "2024-03-01"}};
  RunResults results = run(document, 1);
  EXPECT_DOUBLE_EQ(period_cost(results, "2024-02", "in_house_foster"), 100.0 * 29);  // before the date: flat
  const double rate = std::log(1.10) / 365.25;
  auto closed = [&](double a, double b) { return 100.0 * (std::exp(rate * b) - std::exp(rate * a)) / rate; };
  EXPECT_NEAR(period_cost(results, "2024-03", "in_house_foster"), closed(0, 31), 1e-9 * closed(0, 31));
  // 1 March 2025 is 365 days after 1 March 2024: the twelfth month costs 1.1^(365/365.25) times the first.
  EXPECT_NEAR(period_cost(results, "2025-03", "in_house_foster"), closed(365, 396), 1e-9 * closed(365, 396));

  json discounted = constant_population(1, "2024-01-01", 24);
  discounted["costs"] = {{"discount_rate_per_year", 0.035}};
  RunResults present = run(discounted, 1);
  const double d = std::log(1.035) / 365.25;
  double total = 0;
  for (size_t p = 0; p < present.layout.cost_periods.size(); ++p)
    total += present.costs(0, static_cast<Eigen::Index>(present.layout.cost_cell(p, 0)));
  double horizon = present.layout.snapshot_times.back();
  EXPECT_NEAR(total, 100.0 * (1 - std::exp(-d * horizon)) / d, 1e-9 * total);
}

// An allowance is paid for its years after the exit and no longer; one capped by age stops at that birthday.
TEST(Costs, AllowancesStopAfterTheirYears) {
  json document = scenario_skeleton(60, "2024-01-01");
  document["states"] = {{{"id", "plan_sgo"}}};
  document["exits"] = {{{"id", "sgo"}}};
  document["transitions"] = {{{"from", "plan_sgo"}, {"to", "sgo"}, {"time", {{"dist", "fixed"}, {"days", 100}}}}};
  document["initial_population"] = {{{"state", "plan_sgo"}, {"count", 4}, {"age_years", {{"5", 1.0}}}}};
  document["costs"] = {{"allowances", {{{"id", "sgo_allowance"}, {"exit", "sgo"}, {"weekly_cost", 70}, {"years", 2}}}}};
  RunResults results = run(document, 1);
  double total = 0;
  size_t last_paid = 0;
  for (size_t p = 0; p < results.layout.cost_periods.size(); ++p) {
    double cost = results.costs(0, static_cast<Eigen::Index>(results.layout.cost_cell(p, 0)));
    total += cost;
    if (cost > 0) last_paid = p;
  }
  EXPECT_NEAR(total, 4 * 10.0 * 2 * 365.25, 1e-6);  // 4 children x £10 a day x 2 years
  // Paid from day 100 (10 April 2024) for 730.5 days: the last payment falls in April 2026.
  EXPECT_EQ(results.layout.cost_periods[last_paid].label, "2026-04");

  document["costs"]["allowances"][0]["until_age_years"] = 6;  // the children are 5: paid until their sixth birthday
  RunResults capped = run(document, 1);
  double capped_total = 0;
  for (size_t p = 0; p < capped.layout.cost_periods.size(); ++p)
    capped_total += capped.costs(0, static_cast<Eigen::Index>(capped.layout.cost_cell(p, 0)));
  EXPECT_LT(capped_total, 4 * 10.0 * 366);
  EXPECT_GT(capped_total, 0);
}

// A strategy's running cost is spread over its window: each full financial year carries it once.
TEST(Costs, RunningCostAppearsOncePerYear) {
  json document = constant_population(0, "2024-04-01", 36);
  document["states"].push_back({{"id", "ico"}});
  document["placement_mix"]["ico"] = {{"in_house_foster", 1.0}};
  document["interventions"] = {{{"type", "scale_rate"}, {"from", "ico"}, {"to", "long_term_foster"}, {"factor", 1},
                                {"start", "2024-04-01"}, {"end", "2026-04-01"}, {"annual_cost", 365250}}};
  document["transitions"] = {{{"from", "ico"}, {"to", "long_term_foster"}, {"time", exponential(100)}}};
  RunResults results = run(document, 1);
  DaysMatrix years = financial_year_costs(results, results.layout.running_cost_category());
  ASSERT_EQ(results.layout.financial_years.size(), 3u);
  EXPECT_NEAR(years(0, 0), 1000.0 * 365, 1e-6);  // 2024/25 has 365 days at £1,000 a day
  EXPECT_NEAR(years(0, 1), 1000.0 * 365, 1e-6);
  EXPECT_EQ(years(0, 2), 0.0);  // the window has ended
}

// Costs do not steer children: a scenario with and without placement costs gives the same paths, and two
// scenarios differing only in one state's placement differ in cost by exactly that state's child-days times
// the difference in daily cost.
TEST(Costs, CostsDifferOnlyThroughTheChildrenWhosePlacementsDiffer) {
  json plain = scenario_to_json(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json"));
  json costed = plain;
  costed["placement_types"] = {{{"id", "foster"}, {"weekly_cost", 700}}, {{"id", "kinship"}, {"weekly_cost", 350}},
                               {{"id", "home"}, {"weekly_cost", 70}}};
  costed["placement_mix"] = {{"ico", {{"foster", 0.6}, {"kinship", 0.4}}},
                             {"plan_sgo", {{"kinship", 1.0}}},
                             {"placed_with_parents", {{"home", 1.0}}},
                             {"long_term_foster", {{"foster", 0.7}, {"kinship", 0.3}}},
                             {"section20", {{"foster", 1.0}}}};
  json dearer = costed;
  dearer["placement_mix"]["plan_sgo"] = {{"foster", 1.0}};
  RunResults a = run(plain, 100, 9), b = run(costed, 100, 9), c = run(dearer, 100, 9);
  EXPECT_TRUE(a.stocks == b.stocks);
  EXPECT_TRUE(b.flows == c.flows);
  const OutputLayout& layout = b.layout;
  size_t plan_sgo = 1;
  ASSERT_EQ(layout.stock_columns[plan_sgo], "plan_sgo");
  for (Eigen::Index r = 0; r < b.costs.rows(); ++r) {
    double days_in_plan_sgo = 0;
    for (size_t m = 0; m < layout.months(); ++m) days_in_plan_sgo += b.care_days(r, static_cast<Eigen::Index>(layout.day_cell(m, plan_sgo)));
    double difference = c.costs.row(r).sum() - b.costs.row(r).sum();
    EXPECT_NEAR(difference, days_in_plan_sgo * (700.0 - 350.0) / 7, 1e-6 * std::max(1.0, difference));
    // Everyone else's placements are the same: the costs of the other types agree outside plan_sgo.
    EXPECT_NEAR(c.costs.row(r).sum() - b.costs.row(r).sum(), difference, 1e-9);
  }
}
