// Exits by financial year: each simulated month counts in the financial year that holds most of its days, so
// a forecast from 31 March starts with a whole year, not with a "year" of one month that shifts every later
// year by a month.

#include <gtest/gtest.h>

#include "caseflow/stats/exits_by_year.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json leaving(const std::string& start, int months) {
  json document = scenario_skeleton(months, start);
  document["states"] = {{{"id", "foster"}}};
  document["exits"] = {{{"id", "home"}}};
  document["transitions"] = {{{"from", "foster"}, {"to", "home"}, {"time", exponential(200)}}};
  document["initial_population"] = {{{"state", "foster"}, {"count", 300}, {"age_years", {{"5-9", 1.0}}}}};
  return document;
}

}  // namespace

TEST(ExitsByYear, AForecastFromThirtyFirstMarchStartsWithAWholeYear) {
  json document = leaving("2021-03-31", 24);
  RunResults results = run(document, 5);
  ExitsByYear exits = summarize_exits_by_year(results, scenario_from_json(document));
  EXPECT_EQ(exits.financial_years, (std::vector<int>{2021, 2022}));
  EXPECT_EQ(exits.months, (std::vector<size_t>{12, 12}));
  // The first year's exits are those of the first twelve months (31 March 2021 to 31 March 2022).
  const OutputLayout& layout = results.layout;
  double first_year = 0;
  for (Eigen::Index r = 0; r < results.flows.rows(); ++r)
    for (size_t m = 0; m < 12; ++m)
      for (size_t key = 0; key < layout.flows.size(); ++key)
        if (layout.flows[key].to == "home") first_year += results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key)));
  EXPECT_DOUBLE_EQ(exits.exits.mean(0, exits.all_exits_column()), first_year / static_cast<double>(results.flows.rows()));
  EXPECT_GT(first_year, 0);
}

TEST(ExitsByYear, AMonthCountsInTheYearHoldingMostOfItsDays) {
  // From 1 April: the months are the calendar months.
  json document = leaving("2021-04-01", 13);
  ExitsByYear exits = summarize_exits_by_year(run(document, 2), scenario_from_json(document));
  EXPECT_EQ(exits.financial_years, (std::vector<int>{2021, 2022}));
  EXPECT_EQ(exits.months, (std::vector<size_t>{12, 1}));
  // From 16 March, the month to 16 April has 16 days of March: it counts in 2020/21. From 18 March, the month to
  // 18 April has 17 days of April: it counts in 2021/22.
  document = leaving("2021-03-16", 2);
  exits = summarize_exits_by_year(run(document, 2), scenario_from_json(document));
  EXPECT_EQ(exits.financial_years, (std::vector<int>{2020, 2021}));
  EXPECT_EQ(exits.months, (std::vector<size_t>{1, 1}));
  document = leaving("2021-03-18", 2);
  exits = summarize_exits_by_year(run(document, 2), scenario_from_json(document));
  EXPECT_EQ(exits.financial_years, (std::vector<int>{2021}));
  EXPECT_EQ(exits.months, (std::vector<size_t>{2}));
}
