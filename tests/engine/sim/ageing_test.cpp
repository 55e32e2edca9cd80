// Ages: children leave on the exact day they turn 18, and age-limited transitions fire only inside
// their age range.

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json cohort_aged_17(int count) {
  json document = scenario_skeleton(12, "2021-06-01");
  document["states"] = {{{"id", "long_term_foster"}}};
  document["exits"] = {{{"id", "aged_18"}}, {{"id", "sgo"}}};
  document["transitions"] = {{{"from", "long_term_foster"}, {"to", "sgo"}, {"time", exponential(3000)}}};
  document["age_out"] = {{"age_years", 18}, {"exit", "aged_18"}};
  document["initial_population"] = {{{"state", "long_term_foster"}, {"count", count}, {"age_years", {{"17", 1.0}}}}};
  return document;
}

Date birth_date(const Scenario& scenario, int32_t birth_day) { return scenario.start_date + std::chrono::days{birth_day}; }

}  // namespace

TEST(Ageing, EveryChildLeavesOnItsEighteenthBirthday) {
  Simulation simulation(scenario_from_json(cohort_aged_17(2000)));
  const Scenario& scenario = simulation.scenario();
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(1, 0, record, &trace);

  int aged_out = 0, older_than_17_and_a_half = 0, leaplings = 0;
  std::vector<bool> left(trace.birth_days.size(), false);
  for (const ChildMove& move : trace.moves) {
    if (move.kind == ChildMove::Kind::initial) continue;
    left[move.child] = true;
    if (move.kind != ChildMove::Kind::age_out) continue;
    ++aged_out;
    Date born = birth_date(scenario, trace.birth_days[move.child]);
    Date eighteenth = anniversary(born, 18);
    // Exactly 00:00 on the birthday.
    ASSERT_EQ(move.time, static_cast<double>(days_between(scenario.start_date, eighteenth))) << format_iso_date(born);
    EXPECT_EQ(scenario.exits[move.to.index].id, "aged_18");
    if (std::chrono::year_month_day{born}.month() == std::chrono::February &&
        std::chrono::year_month_day{born}.day() == std::chrono::day{29}) {
      ++leaplings;
      EXPECT_EQ(format_iso_date(eighteenth), "2022-03-01");
    }
    // Aged 17.5 or more at the start: gone within six months.
    Date seventeen = anniversary(born, 17);
    Date seventeen_and_a_half = seventeen + std::chrono::days{days_between(seventeen, eighteenth) / 2};
    if (seventeen_and_a_half <= scenario.start_date) {
      ++older_than_17_and_a_half;
      EXPECT_LE(days_between(scenario.start_date, eighteenth), 184);
    }
  }
  // Everyone aged 17 at the start is gone within the year, by age-out unless an SGO came first.
  for (size_t child = 0; child < left.size(); ++child) EXPECT_TRUE(left[child]) << "child " << child;
  EXPECT_GT(aged_out, 1800);
  EXPECT_GT(older_than_17_and_a_half, 800);
  EXPECT_GE(leaplings, 1) << "no child born on 29 February 2004 in this replication; choose another seed";
  // Ages are drawn within the band: 17 on the start date, never 18.
  for (int32_t birth_day : trace.birth_days) {
    Date born = birth_date(scenario, birth_day);
    EXPECT_LE(anniversary(born, 17), scenario.start_date);
    EXPECT_GT(anniversary(born, 18), scenario.start_date);
  }
  EXPECT_EQ(record.stocks[simulation.layout().stock_cell(12, 0)], 0);
}

// ages [5, 6): a child younger than 5 waits for its fifth birthday; once 6, the transition never fires.
TEST(Ageing, AgeLimitedTransitionFiresOnlyWithinItsRange) {
  json document = scenario_skeleton(36);
  document["states"] = {{{"id", "waiting"}}};
  document["exits"] = {{{"id", "adopted"}}};
  document["transitions"] = {{{"from", "waiting"}, {"to", "adopted"}, {"time", exponential(120)}, {"ages", {5, 6}}}};
  document["initial_population"] = {{{"state", "waiting"}, {"count", 3000}, {"age_years", {{"4", 1.0}}}}};
  Simulation simulation(scenario_from_json(document));
  const Scenario& scenario = simulation.scenario();
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(9, 0, record, &trace);
  int adopted = 0;
  for (const ChildMove& move : trace.moves) {
    if (move.kind != ChildMove::Kind::transition) continue;
    ++adopted;
    Date born = birth_date(scenario, trace.birth_days[move.child]);
    EXPECT_GE(move.time, days_between(scenario.start_date, anniversary(born, 5)));
    EXPECT_LT(move.time, days_between(scenario.start_date, anniversary(born, 6)));
  }
  // A child has one year (365 or 366 days) of eligibility at rate 1/120 a day: P(adopted) = 1 - exp(-365/120).
  double expected = 3000 * (1 - std::exp(-365.25 / 120));
  EXPECT_NEAR(adopted, expected, 4.5 * std::sqrt(expected * std::exp(-365.25 / 120)) + 5);
  // The rest stay, now too old for the transition.
  EXPECT_EQ(record.stocks[simulation.layout().stock_cell(36, 0)], 3000 - adopted);
}
