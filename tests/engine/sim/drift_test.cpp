// Drift and the layers of uncertainty in a run: drift paths have the law drift.hpp states; a simulation
// follows the paths it is given, for arrivals and for hazards; a scenario whose every uncertainty is zero
// gives exactly the chance-only results; a strategy and its base draw the same parameters and paths; runs are
// identical at any thread count; and each layer widens the band.

#include <cmath>

#include <gtest/gtest.h>

#include "caseflow/scenario/drift.hpp"
#include "caseflow/sim/drawn_replications.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json drifting_scenario() {
  json d = scenario_skeleton(24);
  d["states"] = {{{"id", "a"}}, {{"id", "b"}}};
  d["exits"] = {{{"id", "home"}}, {{"id", "sgo"}}};
  d["transitions"] = {{{"from", "a"}, {"to", "b"}, {"time", exponential(300)}},
                      {{"from", "a"}, {"to", "home"}, {"time", exponential(200)}},
                      {{"from", "b"}, {"to", "sgo"}, {"time", exponential(400)}}};
  d["arrivals"] = {{{"state", "a"}, {"per_year", 120}, {"per_year_range", {90, 160}}, {"age_years", {{"5-9", 1.0}}}}};
  d["initial_population"] = {{{"state", "a"}, {"count", 100}, {"age_years", {{"5-9", 1.0}}}}};
  d["drift"] = {{"arrivals", {{"volatility_per_year", 0.15}}},
                {"transitions", {{{"to", {"home", "sgo"}}, {"volatility_per_year", 0.1}}}}};
  return d;
}

RunResults run_with(const json& document, Uncertainty uncertainty, int replications, int threads = 0) {
  Simulation simulation(scenario_from_json(document));
  RunOptions options;
  options.replications = replications;
  options.seed = 4;
  options.threads = threads;
  options.uncertainty = uncertainty;
  return run_replications(simulation, options);
}

double variance(const Eigen::VectorXd& values) {
  return (values.array() - values.mean()).square().sum() / static_cast<double>(values.size() - 1);
}

Eigen::VectorXd in_care_at(const RunResults& results, size_t snapshot) {
  return results.stocks.col(static_cast<Eigen::Index>(results.layout.stock_cell(snapshot, results.layout.in_care_column())))
      .cast<double>();
}

}  // namespace

// log f(12) = sum of 12 steps of g/12 + s z - s^2/2 with s = volatility / sqrt(12): mean g - volatility^2 / 2,
// variance volatility^2; so E[f(12)] = level x exp(g).
TEST(Drift, PathsHaveTheStatedLaw) {
  json d = drifting_scenario();
  d["drift"]["arrivals"] = {{"level", 1.2}, {"volatility_per_year", 0.2}, {"trend_per_year", 0.05}};
  Scenario scenario = scenario_from_json(d);
  const int n = 20000;
  double sum = 0, sum_squares = 0;
  for (int r = 0; r < n; ++r) {
    DriftPaths paths = draw_drift(scenario, 1, static_cast<uint64_t>(r));
    ASSERT_EQ(paths.arrivals.size(), 24u);
    EXPECT_EQ(paths.arrivals[0], 1.2);
    double log_factor = std::log(paths.arrivals[12] / 1.2);
    sum += log_factor;
    sum_squares += log_factor * log_factor;
  }
  double mean = sum / n, var = sum_squares / n - mean * mean;
  EXPECT_NEAR(mean, 0.05 - 0.02, 4.5 * 0.2 / std::sqrt(n));
  // The sample variance of n normal draws has standard deviation about variance x sqrt(2 / n).
  EXPECT_NEAR(var, 0.04, 4.5 * 0.04 * std::sqrt(2.0 / n));
}

// Arrivals in a month whose factor is 3 are three times as many as in the months around it.
TEST(Drift, ArrivalsFollowTheirPath) {
  json d = drifting_scenario();
  d["initial_population"] = json::array();
  Scenario scenario = scenario_from_json(d);
  DriftPaths paths;
  paths.arrivals.assign(24, 1.0);
  paths.arrivals[2] = 3.0;
  Simulation simulation(scenario, paths);
  const OutputLayout& layout = simulation.layout();
  const int key = layout.flow_key(OutputLayout::kArrival, Destination{Destination::Kind::state, 0});
  const int n = 2000;
  double month1 = 0, month2 = 0;
  ReplicationRecord record;
  for (int r = 0; r < n; ++r) {
    simulation.run_replication(5, static_cast<uint64_t>(r), record);
    month1 += record.flows[layout.flow_cell(1, static_cast<size_t>(key))];
    month2 += record.flows[layout.flow_cell(2, static_cast<size_t>(key))];
  }
  auto expected = [&](size_t month, double factor) {
    return factor * 120.0 / 365.25 * (layout.snapshot_times[month + 1] - layout.snapshot_times[month]);
  };
  EXPECT_NEAR(month1 / n, expected(1, 1.0), tolerance(expected(1, 1.0), n));
  EXPECT_NEAR(month2 / n, expected(2, 3.0), tolerance(expected(2, 3.0), n));
}

// A hazard doubled from month 6 on: the chance of still being in the state after 12 months is
// exp(-(t6 + 2 (t12 - t6)) / 200) for an exit with mean 200 days (the other way out, to b, unchanged).
TEST(Drift, HazardsFollowTheirPath) {
  json d = drifting_scenario();
  d["arrivals"] = json::array();
  d["drift"].erase("arrivals");
  d["drift"]["transitions"][0]["to"] = "home";
  Scenario scenario = scenario_from_json(d);
  DriftPaths paths;
  paths.transitions.assign(1, std::vector<double>(24, 1.0));
  for (size_t m = 6; m < 24; ++m) paths.transitions[0][m] = 2.0;
  Simulation simulation(scenario, paths);
  const OutputLayout& layout = simulation.layout();
  const int n = 400;
  double stayed = 0;
  ReplicationRecord record;
  for (int r = 0; r < n; ++r) {
    simulation.run_replication(6, static_cast<uint64_t>(r), record);
    stayed += record.stocks[layout.stock_cell(12, 0)];
  }
  const double t6 = layout.snapshot_times[6], t12 = layout.snapshot_times[12];
  const double p = std::exp(-t12 / 300.0 - (t6 + 2 * (t12 - t6)) / 200.0);
  const double children = 100.0 * n;
  EXPECT_NEAR(stayed / children, p, 4.5 * std::sqrt(p * (1 - p) / children));
}

TEST(Drift, ZeroUncertaintyGivesTheChanceOnlyRun) {
  json plain = drifting_scenario();
  plain["arrivals"][0].erase("per_year_range");
  plain.erase("drift");
  json zero = drifting_scenario();
  zero["arrivals"][0]["per_year_range"] = {120, 120};
  zero["drift"] = {{"arrivals", {{"volatility_per_year", 0}, {"trend_per_year", 0}, {"level", 1}}},
                   {"transitions", {{{"to", "home"}, {"volatility_per_year", 0}}}}};
  RunResults a = run_with(plain, Uncertainty::chance, 50), b = run_with(zero, Uncertainty::all, 50);
  EXPECT_TRUE(a.stocks == b.stocks);
  EXPECT_TRUE(a.flows == b.flows);
  EXPECT_TRUE(a.care_days == b.care_days);
}

TEST(Drift, AStrategyDrawsWhatItInheritsAsItsBaseDoes) {
  json base = drifting_scenario();
  json strategy = drifting_scenario();
  strategy["interventions"] = {{{"type", "scale_rate"}, {"from", "b"}, {"to", "sgo"}, {"factor", 1.5}, {"start", "2021-01-01"}}};
  RunResults a = run_with(base, Uncertainty::all, 40), b = run_with(strategy, Uncertainty::all, 40);
  const OutputLayout& layout = a.layout;
  const int key = layout.flow_key(OutputLayout::kArrival, Destination{Destination::Kind::state, 0});
  for (size_t m = 0; m < layout.months(); ++m)
    EXPECT_TRUE(a.flows.col(static_cast<Eigen::Index>(layout.flow_cell(m, static_cast<size_t>(key)))) ==
                b.flows.col(static_cast<Eigen::Index>(layout.flow_cell(m, static_cast<size_t>(key)))));
  EXPECT_FALSE(a.stocks == b.stocks);
}

TEST(Drift, RunsAreIdenticalAtAnyThreadCount) {
  RunResults one = run_with(drifting_scenario(), Uncertainty::all, 30, 1), two = run_with(drifting_scenario(), Uncertainty::all, 30, 2);
  EXPECT_TRUE(one.stocks == two.stocks);
  EXPECT_TRUE(one.flows == two.flows);
}

TEST(Drift, ALevelAppliesWhateverTheLayers) {
  json d = drifting_scenario();
  d["initial_population"] = json::array();
  d["arrivals"][0].erase("per_year_range");
  d["drift"] = {{"arrivals", {{"level", 2.0}, {"volatility_per_year", 0.1}}}};
  json half = d;
  half["arrivals"][0]["per_year"] = 240;
  half.erase("drift");
  RunResults leveled = run_with(d, Uncertainty::chance, 50), doubled = run_with(half, Uncertainty::chance, 50);
  EXPECT_TRUE(leveled.stocks == doubled.stocks);
}

// Each layer adds a source of variance: at 24 months the spread of children in care grows from chance to
// parameters to all. 400 replications give each variance to within about 7% (sqrt(2 / 400)), far less than
// the differences.
TEST(Drift, EachLayerWidensTheBand) {
  const size_t last = 24;
  double chance = variance(in_care_at(run_with(drifting_scenario(), Uncertainty::chance, 400), last));
  double parameters = variance(in_care_at(run_with(drifting_scenario(), Uncertainty::parameters, 400), last));
  double all = variance(in_care_at(run_with(drifting_scenario(), Uncertainty::all, 400), last));
  EXPECT_GT(parameters, 1.5 * chance);
  EXPECT_GT(all, 1.2 * parameters);
}
