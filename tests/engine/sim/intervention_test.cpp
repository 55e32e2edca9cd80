// Interventions: the levers of a reduction strategy, each against what it must do exactly or on average.

#include <cmath>

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/scenario/time_distribution.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json one_state(int count, double mean_days, int horizon = 24) {
  json document = scenario_skeleton(horizon, "2021-01-01");
  document["states"] = {{{"id", "plan_reunification"}}, {{"id", "placed_with_parents"}}};
  document["exits"] = {{{"id", "home"}}};
  document["transitions"] = {{{"from", "plan_reunification"}, {"to", "home"}, {"time", exponential(mean_days)}},
                             {{"from", "placed_with_parents"}, {"to", "home"}, {"time", exponential(100000)}}};
  document["initial_population"] = {{{"state", "plan_reunification"}, {"count", count}, {"age_years", {{"1-4", 1.0}}}}};
  return document;
}

}  // namespace

// A hazard doubled from day 100 on: S(t) = exp(-t/m) before, exp(-(100 + 2(t - 100))/m) after.
TEST(Interventions, ScaledRateFollowsThePiecewiseHazard) {
  json document = one_state(400, 200);
  document["interventions"] = {{{"type", "scale_rate"}, {"from", "plan_reunification"}, {"to", "home"}, {"factor", 2},
                                {"start", "2021-04-11"}}};  // day 100
  const int replications = 500;
  RunResults results = run(document, replications, 3);
  const OutputLayout& layout = results.layout;
  for (size_t k = 1; k < layout.snapshots(); ++k) {
    double t = layout.snapshot_times[k];
    double hazard = t <= 100 ? t / 200 : (100 + 2 * (t - 100)) / 200;
    double share = std::exp(-hazard);
    double expected = 400 * share;
    EXPECT_NEAR(mean_of(results.stocks, layout.stock_cell(k, 0)), expected, tolerance(400 * share * (1 - share), replications))
        << "month " << k;
  }
}

// A window that ends restores the old rate; a factor of 0 stops the transition in its window.
TEST(Interventions, RateWindowsEndAndFactorZeroStops) {
  json document = one_state(300, 100);
  document["interventions"] = {{{"type", "scale_rate"}, {"from", "plan_reunification"}, {"to", "home"}, {"factor", 0},
                                {"start", "2021-02-01"}, {"end", "2021-06-01"}}};
  RunResults results = run(document, 50, 4);
  const OutputLayout& layout = results.layout;
  // Nobody leaves in February to May.
  for (Eigen::Index r = 0; r < results.stocks.rows(); ++r)
    for (size_t k = 1; k <= 4; ++k)
      EXPECT_EQ(results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(k, 0))),
                results.stocks(r, static_cast<Eigen::Index>(layout.stock_cell(k + 1, 0))));
  // Over the whole year the hazard acted for 365 - 120 days.
  double share = std::exp(-(365.0 - 120.0) / 100);
  EXPECT_NEAR(mean_of(results.stocks, layout.stock_cell(12, 0)), 300 * share, tolerance(300 * share, 50));
}

// Diverting a share of arrivals keeps that share (binomially) out of care, and nobody else changes.
TEST(Interventions, DivertedArrivalsAreAShareOfArrivalsInTheWindow) {
  json document = one_state(0, 50);
  document["arrivals"] = {{{"state", "plan_reunification"}, {"per_year", 200}, {"age_years", {{"0", 1.0}}}}};
  json diverted = document;
  diverted["interventions"] = {{{"type", "divert_arrivals"}, {"share", 0.3}, {"start", "2021-07-01"}}};
  RunResults base = run(document, 300, 5), strategy = run(diverted, 300, 5);
  const OutputLayout& layout = strategy.layout;
  ASSERT_GE(layout.diverted_flow, 0);
  double arrivals_after = 0, diverted_after = 0;
  for (Eigen::Index r = 0; r < base.flows.rows(); ++r)
    for (size_t m = 0; m < layout.months(); ++m) {
      int base_arrivals = base.flows(r, static_cast<Eigen::Index>(base.layout.flow_cell(m, 0)));
      int kept = strategy.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, 0)));
      int out = strategy.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, static_cast<size_t>(layout.diverted_flow))));
      // The same arrivals happen; each is either kept or diverted.
      ASSERT_EQ(kept + out, base_arrivals);
      if (m < 6) ASSERT_EQ(out, 0);
      else {
        arrivals_after += base_arrivals;
        diverted_after += out;
      }
    }
  double share = diverted_after / arrivals_after;
  EXPECT_NEAR(share, 0.3, 4.5 * std::sqrt(0.3 * 0.7 / arrivals_after));
}

// move_children moves exactly the number asked for, on the date, and the same children in every run.
TEST(Interventions, MoveChildrenMovesThatManyOnTheDate) {
  json document = one_state(50, 1e6);
  document["interventions"] = {{{"type", "move_children"}, {"from", "plan_reunification"}, {"to", "placed_with_parents"},
                                {"count", 17}, {"date", "2021-03-15"}}};
  Simulation simulation(scenario_from_json(document));
  ReplicationRecord record;
  ChildTrace first, second;
  simulation.run_replication(1, 0, record, &first);
  std::vector<uint32_t> moved;
  for (const auto& move : first.moves)
    if (move.kind == ChildMove::Kind::moved) {
      EXPECT_EQ(move.time, days_between(*parse_iso_date("2021-01-01"), *parse_iso_date("2021-03-15")));
      moved.push_back(move.child);
    }
  EXPECT_EQ(moved.size(), 17u);
  EXPECT_EQ(record.stocks[simulation.layout().stock_cell(3, 1)], 17);
  // Another replication of a scenario differing elsewhere picks the same children of replication 0.
  json other = document;
  other["transitions"][1]["time"]["mean_days"] = 5e5;
  Simulation other_simulation(scenario_from_json(other));
  other_simulation.run_replication(1, 0, record, &second);
  std::vector<uint32_t> moved_again;
  for (const auto& move : second.moves)
    if (move.kind == ChildMove::Kind::moved) moved_again.push_back(move.child);
  EXPECT_EQ(moved, moved_again);
}

TEST(Interventions, ValidationNamesThePath) {
  json document = one_state(5, 100);
  document["interventions"] = {{{"type", "scale_rate"}, {"from", "plan_reunification"}, {"to", "placed_with_parents"},
                                {"factor", 2}, {"start", "2021-04-11"}}};
  try {
    scenario_from_json(document, "s.json");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "/interventions/0/to");
  }
  document["interventions"] = {{{"type", "scale_rates"}}};
  try {
    scenario_from_json(document, "s.json");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "/interventions/0/type");
    EXPECT_NE(error.message().find("did you mean \"scale_rate\"?"), std::string::npos);
  }
  document["interventions"] = {{{"type", "move_children"}, {"from", "plan_reunification"}, {"to", "home"}, {"count", 3},
                                {"date", "2020-12-01"}}};
  try {
    scenario_from_json(document, "s.json");
    FAIL();
  } catch (const InputError& error) {
    EXPECT_EQ(error.place(), "/interventions/0/date");
  }
}
