// Children in care by age band at each snapshot: the recorder's counts equal those worked out from every
// child's life (its birth date on the calendar and its days in care), and add up to the children in care.

#include <map>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

// Children of every age, arriving and leaving (by a transition and at 18), over 30 months from a leap day, so
// that 29 February birthdays and snapshots on the last day of months both occur.
json ageing_council() {
  json document = scenario_skeleton(30, "2024-02-29");
  document["states"] = {{{"id", "foster"}}};
  document["exits"] = {{{"id", "aged_18"}}, {{"id", "home"}}};
  document["transitions"] = {{{"from", "foster"}, {"to", "home"}, {"time", exponential(900)}}};
  document["age_out"] = {{"age_years", 18}, {"exit", "aged_18"}};
  document["arrivals"] = {{{"state", "foster"}, {"per_year", 300}, {"age_years", {{"0", 0.3}, {"1-4", 0.2}, {"5-9", 0.2}, {"10-15", 0.2}, {"16-17", 0.1}}}}};
  document["initial_population"] = {{{"state", "foster"}, {"count", 400},
                                     {"age_years", {{"0", 0.2}, {"1-4", 0.2}, {"5-9", 0.2}, {"10-15", 0.2}, {"16-17", 0.2}}}}};
  return document;
}

int band_of(int age) { return age < 1 ? 0 : age < 5 ? 1 : age < 10 ? 2 : age < 16 ? 3 : age < 18 ? 4 : 5; }

// Whole years of age on `date`, by calendar birthdays (as calibration counts them).
int age_on(Date birth, Date date) {
  int years = static_cast<int>(std::chrono::year_month_day{date}.year()) - static_cast<int>(std::chrono::year_month_day{birth}.year());
  if (anniversary(birth, years) > date) --years;
  return years;
}

}  // namespace

TEST(AgeBands, CountsAtEachSnapshotAreTheChildrensAgesOnTheDay) {
  Simulation simulation(scenario_from_json(ageing_council()));
  const Scenario& scenario = simulation.scenario();
  const OutputLayout& layout = simulation.layout();
  ASSERT_EQ(layout.age_bands, (std::vector<std::string>{"0", "1-4", "5-9", "10-15", "16-17", "18+"}));
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(4, 0, record, &trace);

  // Each child's time in care: from its first move (at the start, or its arrival) to its exit.
  std::map<uint32_t, std::pair<double, double>> in_care;
  for (const ChildMove& move : trace.moves) {
    if (move.kind == ChildMove::Kind::initial || move.kind == ChildMove::Kind::arrival)
      in_care[move.child] = {move.time, std::numeric_limits<double>::infinity()};
    else if (move.to.kind == Destination::Kind::exit)
      in_care[move.child].second = move.time;
  }
  int children_counted = 0;
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    // A snapshot at t counts every event at t.
    std::vector<int> expected(layout.age_bands.size(), 0);
    for (const auto& [child, stay] : in_care)
      if (stay.first <= layout.snapshot_times[k] && layout.snapshot_times[k] < stay.second)
        ++expected[band_of(age_on(scenario.start_date + std::chrono::days{trace.birth_days[child]}, layout.snapshot_dates[k]))];
    int total = 0;
    for (size_t b = 0; b < layout.age_bands.size(); ++b) {
      EXPECT_EQ(record.age_bands[layout.age_band_cell(k, b)], expected[b]) << format_iso_date(layout.snapshot_dates[k]) << " " << layout.age_bands[b];
      total += record.age_bands[layout.age_band_cell(k, b)];
    }
    EXPECT_EQ(total, record.stocks[layout.stock_cell(k, layout.in_care_column())]);
    EXPECT_EQ(record.age_bands[layout.age_band_cell(k, 5)], 0);  // everyone leaves at 18
    children_counted += total;
  }
  EXPECT_GT(children_counted, 400 * 20);
}

// A baby in care at the start is in "1-4" twelve months later, whatever its birthday within the year.
TEST(AgeBands, BabiesAreOneTwelveMonthsLater) {
  json document = scenario_skeleton(12, "2021-03-31");
  document["states"] = {{{"id", "foster"}}};
  document["initial_population"] = {{{"state", "foster"}, {"count", 50}, {"age_years", {{"0", 1.0}}}}};
  RunResults results = run(document, 20);
  const OutputLayout& layout = results.layout;
  for (Eigen::Index r = 0; r < results.age_bands.rows(); ++r) {
    EXPECT_EQ(results.age_bands(r, static_cast<Eigen::Index>(layout.age_band_cell(0, 0))), 50);
    EXPECT_EQ(results.age_bands(r, static_cast<Eigen::Index>(layout.age_band_cell(12, 1))), 50);
  }
}
