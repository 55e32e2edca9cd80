// Numeric edge cases: arrival rates of zero, states with no way out, month arithmetic from 29 February and
// 31 January, leap years, and every shipped test fixture run with exact conservation.

#include <filesystem>
#include <map>

#include <gtest/gtest.h>

#include "conservation.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

std::string fixture(const std::string& name) { return std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/scenarios/" + name; }

std::vector<std::string> dates_of(const OutputLayout& layout) {
  std::vector<std::string> dates;
  for (Date date : layout.snapshot_dates) dates.push_back(format_iso_date(date));
  return dates;
}

Date date(const char* text) { return *parse_iso_date(text); }

}  // namespace

// Snapshots are the start date plus k calendar months, each counted from the start (31 January + 2 months is
// 31 March, not 29 March), falling back to the month's last day.
TEST(EdgeCases, SnapshotsFromThirtyFirstJanuaryFollowMonthEnds) {
  json document = load_scenario_json(fixture("all-distributions.json"));
  ASSERT_EQ(document["start_date"], "2020-01-31");
  OutputLayout layout = OutputLayout::for_scenario(scenario_from_json(document));
  std::vector<std::string> dates = dates_of(layout);
  ASSERT_EQ(dates.size(), 26u);
  const std::vector<std::string> first = {"2020-01-31", "2020-02-29", "2020-03-31", "2020-04-30", "2020-05-31",
                                          "2020-06-30", "2020-07-31", "2020-08-31", "2020-09-30", "2020-10-31",
                                          "2020-11-30", "2020-12-31", "2021-01-31", "2021-02-28", "2021-03-31"};
  EXPECT_EQ(std::vector<std::string>(dates.begin(), dates.begin() + 15), first);
  EXPECT_EQ(dates.back(), "2022-02-28");
  // Clock times are whole days since the start: 29 days to 29 February 2020 (a leap year), 60 to 31 March.
  EXPECT_EQ(layout.snapshot_times[1], 29);
  EXPECT_EQ(layout.snapshot_times[2], 60);
  EXPECT_EQ(layout.snapshot_times[13], 394);  // 366 days of 2020, then 28 to 28 February 2021
}

TEST(EdgeCases, SnapshotsFromTwentyNinthFebruary) {
  OutputLayout layout = OutputLayout::for_scenario(scenario_from_json(load_scenario_json(fixture("leap-day-start.json"))));
  std::vector<std::string> dates = dates_of(layout);
  ASSERT_EQ(dates.size(), 14u);
  EXPECT_EQ(dates[0], "2024-02-29");
  EXPECT_EQ(dates[1], "2024-03-29");
  EXPECT_EQ(dates[11], "2025-01-29");
  EXPECT_EQ(dates[12], "2025-02-28");  // no 29 February in 2025
  EXPECT_EQ(dates[13], "2025-03-29");
  EXPECT_EQ(layout.snapshot_times[12], 365);
  EXPECT_EQ(add_months(date("2024-02-29"), 48), date("2028-02-29"));
  EXPECT_EQ(add_months(date("2023-12-31"), 2), date("2024-02-29"));
}

// Starting on 29 February 2024 with 400 children aged 17: they were born between 1 March 2006 and
// 28 February 2007, and each leaves at 00:00 on its 18th birthday, so every month's age-out flow is the
// number of birthdays in (snapshot, next snapshot], and nobody is left at the 2025-02-28 snapshot.
TEST(EdgeCases, SeventeenYearOldsOnTwentyNinthFebruaryLeaveOnTheirBirthdays) {
  Simulation simulation(scenario_from_json(load_scenario_json(fixture("leap-day-start.json"))));
  const Scenario& scenario = simulation.scenario();
  const OutputLayout& layout = simulation.layout();
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(5, 0, record, &trace);

  ASSERT_EQ(trace.birth_days.size(), 400u);
  std::vector<int> birthdays_in_month(layout.months(), 0);
  for (int32_t birth_day : trace.birth_days) {
    Date born = scenario.start_date + std::chrono::days{birth_day};
    EXPECT_GE(born, date("2006-03-01"));
    EXPECT_LE(born, date("2007-02-28"));
    double eighteenth = static_cast<double>(days_between(scenario.start_date, anniversary(born, 18)));
    for (size_t m = 0; m < layout.months(); ++m)
      if (eighteenth > layout.snapshot_times[m] && eighteenth <= layout.snapshot_times[m + 1]) ++birthdays_in_month[m];
  }
  for (size_t m = 0; m < layout.months(); ++m)
    EXPECT_EQ(record.flows[layout.flow_cell(m, 0)], birthdays_in_month[m]) << "month " << m;
  EXPECT_EQ(record.stocks[layout.stock_cell(0, 0)], 400);
  EXPECT_EQ(record.stocks[layout.stock_cell(12, 0)], 0);
  for (const ChildMove& move : trace.moves)
    if (move.kind == ChildMove::Kind::age_out) {
      Date born = scenario.start_date + std::chrono::days{trace.birth_days[move.child]};
      EXPECT_EQ(move.time, days_between(scenario.start_date, anniversary(born, 18)));
    }
}

// A child born on 29 February 2008 turns 18 on 1 March 2026; the engine takes it out of care that day.
TEST(EdgeCases, LeaplingTurnsEighteenOnFirstMarch) {
  json document = scenario_skeleton(12, "2026-02-01");
  document["states"] = {{{"id", "foster"}}};
  document["exits"] = {{{"id", "aged_18"}}};
  document["age_out"] = {{"age_years", 18}, {"exit", "aged_18"}};
  document["initial_population"] = {{{"state", "foster"}, {"count", 3000}, {"age_years", {{"17", 1.0}}}}};
  Simulation simulation(scenario_from_json(document));
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(2, 0, record, &trace);
  int leaplings = 0;
  for (const ChildMove& move : trace.moves) {
    if (move.kind != ChildMove::Kind::age_out) continue;
    Date born = simulation.scenario().start_date + std::chrono::days{trace.birth_days[move.child]};
    if (born != date("2008-02-29")) continue;
    ++leaplings;
    EXPECT_EQ(move.time, days_between(date("2026-02-01"), date("2026-03-01")));
  }
  // 3000 birth days spread over 366 days: about 8 leaplings; none would be a failure of the draw.
  EXPECT_GE(leaplings, 1);
}

// Zero-rate arrivals add nobody; a state with no transitions out (and no age_out) keeps its children for
// the whole horizon.
TEST(EdgeCases, ZeroRateArrivalsAndAStateWithNoWayOut) {
  json document = load_scenario_json(fixture("no-way-out.json"));
  RunResults results = run(document, 40, 3, 2);
  const OutputLayout& layout = results.layout;
  ASSERT_EQ(layout.stock_columns, (std::vector<std::string>{"secure", "foster", "in_care"}));
  for (Eigen::Index r = 0; r < results.stocks.rows(); ++r) {
    for (size_t k = 0; k < layout.snapshots(); ++k)
      ASSERT_EQ(results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(k, 0))), 9) << "replication " << r;
    long left = 0;
    for (size_t m = 0; m < layout.months(); ++m)
      for (size_t key = 0; key < layout.flows.size(); ++key) {
        long count = results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key)));
        if (layout.flows[key].from == "arrival") ASSERT_EQ(count, 0);
        else left += count;
      }
    EXPECT_EQ(results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(layout.months(), 1))), 4 - left);
  }
}

// A horizon of zero months: one snapshot (the starting position), no months and so no flows.
TEST(EdgeCases, HorizonOfZeroMonthsHasOneSnapshotAndNoFlows) {
  RunResults results = run(load_scenario_json(fixture("horizon-zero.json")), 5);
  EXPECT_EQ(results.layout.snapshots(), 1u);
  EXPECT_EQ(results.layout.months(), 0u);
  EXPECT_EQ(results.flows.cols(), 0);
  for (Eigen::Index r = 0; r < 5; ++r) {
    EXPECT_EQ(results.stocks(r, 0), 7);
    EXPECT_EQ(results.stocks(r, 1), 3);
    EXPECT_EQ(results.stocks(r, 2), 10);
  }
}

// Every fixture keeps stocks and flows in exact balance, in every replication.
TEST(EdgeCases, EveryFixtureConservesChildren) {
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/scenarios")) {
    SCOPED_TRACE(entry.path().string());
    RunResults results = run(load_scenario_json(entry.path().string()), 20, 7, 2);
    expect_conservation(results);
    ++checked;
  }
  EXPECT_EQ(checked, 4);
}
