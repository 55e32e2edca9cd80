// Parameter uncertainty: the "uncertainty" keys parse, round-trip and fail by JSON path; the draws have
// the laws docs/calibration.md promises; runs with drawn parameters are identical at any thread count;
// and the spread of arrivals is the Gamma-Poisson (negative binomial) one.

#include <cmath>

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/scenario/parameter_uncertainty.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json uncertain_scenario() {
  json d = scenario_skeleton(12);
  d["states"] = {{{"id", "a"}}, {{"id", "b"}}};
  d["exits"] = {{{"id", "out"}}};
  d["transitions"] = {
      {{"from", "a"}, {"to", "b"}, {"time", {{"dist", "exponential"}, {"mean_days", 100}, {"uncertainty", {{"events", 16}, {"exposure_days", 1600}}}}}},
      {{"from", "b"}, {"to", "out"},
       {"time", {{"dist", "weibull"}, {"shape", 1.5}, {"scale_days", 200},
                 {"uncertainty", {{"log_shape_se", 0.1}, {"log_scale_se", 0.2}, {"correlation", -0.6}}}}}},
      {{"from", "a"}, {"to", "out"}, {"time", {{"dist", "gamma"}, {"shape", 2}, {"scale_days", 300}}}}};
  d["arrivals"] = {{{"state", "a"}, {"per_year", 100}, {"age_years", {{"5-9", 1.0}}}, {"uncertainty", {{"events", 25}, {"exposure_days", 91.3125}}}}};
  d["initial_population"] = {{{"state", "a"}, {"count", 10}, {"age_years", {{"5-9", 1.0}}}}};
  return d;
}

std::string error_for(const json& document) {
  try {
    scenario_from_json(document, "s.json");
  } catch (const InputError& error) {
    return error.what();
  }
  return "";
}

}  // namespace

TEST(ParameterUncertainty, ParsesAndRoundTrips) {
  Scenario scenario = scenario_from_json(uncertain_scenario());
  const ParameterUncertainty& exponential = scenario.transitions[0].time.uncertainty;
  EXPECT_TRUE(exponential.given);
  EXPECT_EQ(exponential.events, 16);
  EXPECT_EQ(exponential.exposure_days, 1600);
  const ParameterUncertainty& weibull = scenario.transitions[1].time.uncertainty;
  EXPECT_EQ(weibull.log_scale_se, 0.2);
  EXPECT_EQ(weibull.correlation, -0.6);
  EXPECT_FALSE(scenario.transitions[2].time.uncertainty.given);
  EXPECT_EQ(scenario.arrivals[0].uncertainty.events, 25);
  json written = scenario_to_json(scenario);
  EXPECT_EQ(written["transitions"][0]["time"]["uncertainty"], uncertain_scenario()["transitions"][0]["time"]["uncertainty"]);
  EXPECT_EQ(written["transitions"][1]["time"]["uncertainty"], uncertain_scenario()["transitions"][1]["time"]["uncertainty"]);
  EXPECT_EQ(written["arrivals"][0]["uncertainty"], uncertain_scenario()["arrivals"][0]["uncertainty"]);
  EXPECT_EQ(scenario_to_json(scenario_from_json(written)), written);
  EXPECT_TRUE(has_parameter_uncertainty(scenario));
}

TEST(ParameterUncertainty, ValidationErrorsNameTheJsonPath) {
  json d = uncertain_scenario();
  d["transitions"][0]["time"]["uncertainty"]["events"] = 0;
  EXPECT_EQ(error_for(d), "s.json: /transitions/0/time/uncertainty/events: must be > 0, got 0");

  d = uncertain_scenario();
  d["transitions"][0]["time"]["uncertainty"]["log_shape_se"] = 0.1;
  EXPECT_NE(error_for(d).find("/transitions/0/time/uncertainty/log_shape_se: unknown key"), std::string::npos) << error_for(d);

  d = uncertain_scenario();
  d["transitions"][1]["time"]["uncertainty"]["correlation"] = 1.5;
  EXPECT_EQ(error_for(d), "s.json: /transitions/1/time/uncertainty/correlation: must be between -1 and 1, got 1.5");

  d = uncertain_scenario();
  d["transitions"][1]["time"]["uncertainty"].erase("log_scale_se");
  EXPECT_EQ(error_for(d), "s.json: /transitions/1/time/uncertainty/log_scale_se: is required");

  d = uncertain_scenario();
  d["transitions"][2]["time"]["uncertainty"] = {{"events", 3}, {"exposure_days", 10}};
  EXPECT_EQ(error_for(d), "s.json: /transitions/2/time/uncertainty: parameter uncertainty is supported for exponential and "
                          "weibull times, not for \"gamma\"");

  d = uncertain_scenario();
  d["initial_population"][0]["days_in_state"] = {{"dist", "exponential"}, {"mean_days", 5}, {"uncertainty", {{"events", 1}, {"exposure_days", 5}}}};
  EXPECT_EQ(error_for(d), "s.json: /initial_population/0/days_in_state/uncertainty: parameter uncertainty belongs to "
                          "transition times, not to days_in_state");

  d = uncertain_scenario();
  d["arrivals"][0]["uncertainty"].erase("exposure_days");
  EXPECT_EQ(error_for(d), "s.json: /arrivals/0/uncertainty/exposure_days: is required");

  d = uncertain_scenario();
  d["arrivals"][0]["uncertainty"] = 5;
  EXPECT_EQ(error_for(d), "s.json: /arrivals/0/uncertainty: must be an object, got 5");
}

TEST(ParameterUncertainty, DrawsHaveTheStatedLaws) {
  Scenario scenario = scenario_from_json(uncertain_scenario());
  const int draws = 20000;
  double sum_m = 0, sum_m2 = 0, sum_arrival = 0, sum_a = 0, sum_a2 = 0, sum_b = 0, sum_b2 = 0, sum_ab = 0;
  for (int r = 0; r < draws; ++r) {
    Scenario drawn = draw_parameters(scenario, 5, static_cast<uint64_t>(r));
    double m = 100.0 / drawn.transitions[0].time.mean_days;  // the rate multiplier G / events
    sum_m += m;
    sum_m2 += m * m;
    sum_arrival += drawn.arrivals[0].per_year / 100.0;
    double a = std::log(drawn.transitions[1].time.shape / 1.5), b = std::log(drawn.transitions[1].time.scale_days / 200);
    sum_a += a;
    sum_a2 += a * a;
    sum_b += b;
    sum_b2 += b * b;
    sum_ab += a * b;
    // Parameters without an uncertainty are untouched.
    ASSERT_EQ(drawn.transitions[2].time.shape, 2);
    ASSERT_EQ(drawn.transitions[2].time.scale_days, 300);
  }
  // Gamma(16)/16: mean 1, variance 1/16. Tolerances: 4.5 standard errors of the sample moments.
  double mean = sum_m / draws, variance = sum_m2 / draws - mean * mean;
  EXPECT_NEAR(mean, 1.0, 4.5 * std::sqrt(1.0 / 16 / draws));
  EXPECT_NEAR(variance, 1.0 / 16, 4.5 * (1.0 / 16) * std::sqrt((2 + 6.0 / 16) / draws));
  EXPECT_NEAR(sum_arrival / draws, 1.0, 4.5 * std::sqrt(1.0 / 25 / draws));
  // Normal on the log scale: SDs 0.1 and 0.2, correlation -0.6.
  double ma = sum_a / draws, mb = sum_b / draws;
  double sa = std::sqrt(sum_a2 / draws - ma * ma), sb = std::sqrt(sum_b2 / draws - mb * mb);
  EXPECT_NEAR(ma, 0.0, 4.5 * 0.1 / std::sqrt(draws));
  EXPECT_NEAR(sa, 0.1, 4.5 * 0.1 / std::sqrt(2.0 * draws));
  EXPECT_NEAR(sb, 0.2, 4.5 * 0.2 / std::sqrt(2.0 * draws));
  EXPECT_NEAR((sum_ab / draws - ma * mb) / (sa * sb), -0.6, 4.5 * (1 - 0.36) / std::sqrt(draws));
}

TEST(ParameterUncertainty, DrawsAreKeyedToSeedReplicationAndTransition) {
  Scenario scenario = scenario_from_json(uncertain_scenario());
  Scenario a = draw_parameters(scenario, 5, 7), b = draw_parameters(scenario, 5, 7), c = draw_parameters(scenario, 5, 8);
  EXPECT_EQ(a.transitions[0].time.mean_days, b.transitions[0].time.mean_days);
  EXPECT_NE(a.transitions[0].time.mean_days, c.transitions[0].time.mean_days);
  // Removing the uncertainty of one transition leaves the other draws where they were.
  Scenario fewer = scenario;
  fewer.transitions[0].time.uncertainty = {};
  Scenario d = draw_parameters(fewer, 5, 7);
  EXPECT_EQ(d.transitions[0].time.mean_days, 100);
  EXPECT_EQ(d.transitions[1].time.shape, a.transitions[1].time.shape);
  EXPECT_EQ(d.arrivals[0].per_year, a.arrivals[0].per_year);
  // No uncertainty anywhere: the scenario comes back unchanged.
  json plain = uncertain_scenario();
  plain["transitions"][0]["time"].erase("uncertainty");
  plain["transitions"][1]["time"].erase("uncertainty");
  plain["arrivals"][0].erase("uncertainty");
  Scenario certain = scenario_from_json(plain);
  EXPECT_FALSE(has_parameter_uncertainty(certain));
  EXPECT_EQ(scenario_to_json(draw_parameters(certain, 5, 7)), scenario_to_json(certain));
}

TEST(ParameterUncertainty, RunsAreIdenticalAtAnyThreadCount) {
  Simulation simulation(scenario_from_json(uncertain_scenario()));
  RunOptions options;
  options.replications = 40;
  options.seed = 9;
  options.uncertainty = Uncertainty::all;
  options.threads = 1;
  RunResults one = run_replications(simulation, options);
  options.threads = 2;
  RunResults two = run_replications(simulation, options);
  EXPECT_EQ(one.stocks, two.stocks);
  EXPECT_EQ(one.flows, two.flows);
  options.uncertainty = Uncertainty::chance;
  EXPECT_NE(run_replications(simulation, options).stocks, one.stocks);
}

TEST(ParameterUncertainty, ArrivalCountsAreGammaPoisson) {
  // Arrivals at 100 a year with the rate uncertain as Gamma(25): over a year the count is negative
  // binomial, mean mu, variance mu + mu^2/25 (about 5 mu); without the uncertainty it is Poisson (mu).
  json d = scenario_skeleton(12, "2021-01-01");
  d["states"] = {{{"id", "a"}}};
  d["arrivals"] = {{{"state", "a"}, {"per_year", 100}, {"age_years", {{"5-9", 1.0}}}, {"uncertainty", {{"events", 25}, {"exposure_days", 91.3125}}}}};
  Simulation simulation(scenario_from_json(d));
  const int replications = 4000;
  const double mu = 100 * 365 / 365.25;
  for (bool uncertain : {true, false}) {
    RunOptions options;
    options.replications = replications;
    options.seed = 21;
    options.uncertainty = uncertain ? Uncertainty::all : Uncertainty::chance;
    RunResults results = run_replications(simulation, options);
    const auto& layout = results.layout;
    Eigen::VectorXd counts = results.stocks.col(static_cast<Eigen::Index>(layout.stock_cell(12, 0))).cast<double>();
    double mean = counts.mean();
    double variance = (counts.array() - mean).square().sum() / (replications - 1);
    double expected_variance = uncertain ? mu + mu * mu / 25 : mu;
    double kurtosis_excess = uncertain ? 6.0 / 25 + 1 / mu : 1 / mu;
    EXPECT_NEAR(mean, mu, 4.5 * std::sqrt(expected_variance / replications)) << uncertain;
    EXPECT_NEAR(variance, expected_variance, 4.5 * expected_variance * std::sqrt((2 + kurtosis_excess) / replications)) << uncertain;
  }
}
