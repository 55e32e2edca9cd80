// Back-testing from every 31 March, on a simulated council exported as SSDA903 returns: the origins are those
// with three years of data before them and an outcome after; every forecast's observed count and naive
// forecasts are the data's own; and the yearly series behind the drift estimates keep their totals.

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/calibration/rolling_backtest.hpp"
#include "caseflow/calibration/yearly_rates.hpp"
#include "caseflow/ssda903/ssda903_export.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

struct SimulatedCouncil {
  Ssda903Mapping mapping = default_mapping();
  CareHistories histories;
};

// Nine collection years (2016/17 to 2024/25) of the calibration fixture's council.
SimulatedCouncil simulated_council() {
  json document = load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/calibration/truth.json");
  document["horizon_months"] = 110;
  Scenario truth = scenario_from_json(document);
  Simulation simulation(truth);
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(3, 0, record, &trace);
  SimulatedCouncil council;
  DataQualityReport report;
  council.histories = build_care_histories(import_ssda903(export_ssda903(truth, trace, council.mapping), report), council.mapping, report);
  return council;
}

double in_care(const SimulatedCouncil& council, Date date) {
  double total = 0;
  for (int count : observed_stock(council.histories, date, council.mapping.states.size())) total += count;
  return total;
}

}  // namespace

TEST(RollingBacktest, ForecastsFromEveryOriginAgainstTheData) {
  SimulatedCouncil council = simulated_council();
  RollingBacktestOptions options;
  options.calibration.age_split = CalibrationOptions::AgeSplit::never;
  options.run.replications = 40;
  options.run.threads = 1;
  ASSERT_EQ(*council.histories.first_collection_year_start, day(2016, 4, 1));
  ASSERT_EQ(*council.histories.coverage_end, day(2025, 4, 1));
  std::vector<Date> origins = backtest_origins(council.histories, options);
  ASSERT_EQ(origins, (std::vector<Date>{day(2019, 3, 31), day(2020, 3, 31), day(2021, 3, 31), day(2022, 3, 31),
                                        day(2023, 3, 31), day(2024, 3, 31)}));
  RollingBacktest backtest = run_rolling_backtest(council.histories, council.mapping, options);
  ASSERT_EQ(backtest.forecasts.size(), 4u * 3 + 2 + 1);
  ASSERT_EQ(backtest.fans.size(), 6u);
  for (const BacktestForecast& f : backtest.forecasts) {
    EXPECT_EQ(f.date, add_months(f.origin, 12 * f.horizon_years));
    EXPECT_EQ(f.observed, in_care(council, f.date));
    EXPECT_EQ(f.naive_last, in_care(council, f.origin));
    std::vector<CountAt> past;
    for (int back = 3; back >= 0; --back)
      if (add_months(f.origin, -12 * back) >= day(2016, 4, 1))
        past.push_back({-static_cast<double>(back), in_care(council, add_months(f.origin, -12 * back))});
    EXPECT_EQ(f.naive_trend, linear_trend_forecast(past, f.horizon_years));
    EXPECT_LE(f.p05, f.p25);
    EXPECT_LE(f.p75, f.p95);
  }
  // The chart's observed series is the data's count on each date.
  ASSERT_FALSE(backtest.observed_dates.empty());
  EXPECT_EQ(backtest.observed_dates.front(), day(2016, 4, 30));
  EXPECT_EQ(backtest.observed[5], in_care(council, backtest.observed_dates[5]));
  // Every other year, counting back from the last.
  options.every_years = 2;
  EXPECT_EQ(backtest_origins(council.histories, options),
            (std::vector<Date>{day(2020, 3, 31), day(2022, 3, 31), day(2024, 3, 31)}));
  options.every_years = 1;
  // Too much history asked for: no origin, and an error that says what the data hold.
  options.min_history_years = 9;
  EXPECT_THROW(backtest_origins(council.histories, options), InputError);
}

TEST(YearlyRates, ExpectedExitsAddUpToTheExitsAndEntriesAreCounted) {
  SimulatedCouncil council = simulated_council();
  YearlyRates rates = yearly_rates(council.histories, council.mapping, day(2016, 4, 1), day(2024, 3, 31));
  // Eight years from 31 March 2016, a day before the data begin (a year short of a day still counts).
  ASSERT_EQ(rates.starts.size(), 8u);
  EXPECT_EQ(rates.starts.front(), day(2016, 3, 31));
  double exits = 0, expected = 0, entries = 0;
  for (size_t j = 0; j < rates.starts.size(); ++j) {
    exits += rates.exits[j];
    expected += rates.expected_exits[j];
    entries += rates.entries[j];
    EXPECT_GT(rates.entries[j], 60);  // the fixture's 100 arrivals a year, give or take
  }
  EXPECT_NEAR(expected, exits, 1e-9 * exits);
  double counted = 0;
  for (const ChildHistory& child : council.histories.children)
    for (const Spell& spell : child.spells) counted += spell.entered_care && spell.start >= day(2016, 3, 31) && spell.start < day(2024, 3, 31);
  EXPECT_EQ(entries, counted);
}
