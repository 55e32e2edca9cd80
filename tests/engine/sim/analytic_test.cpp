// The simulation against results known in closed form.

#include <cmath>

#include <gtest/gtest.h>
#include <unsupported/Eigen/MatrixFunctions>

#include "caseflow/scenario/time_distribution.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

// Poisson arrivals into a network of exponential states: the expected stocks m(t) solve the Kolmogorov
// forward equations dm/dt = lambda + G^T m (G the generator among the states). Each stock is a sum of a
// Poisson count (arrivals) and independent Bernoulli counts (the initial children), so its variance is at
// most its mean: that bounds the standard error of the simulated mean.
TEST(Analytic, MeanStocksSolveKolmogorovForwardEquations) {
  json document = scenario_skeleton(24);
  document["states"] = {{{"id", "a"}}, {{"id", "b"}}, {{"id", "c"}}};
  document["exits"] = {{{"id", "gone"}}};
  document["transitions"] = {
      {{"from", "a"}, {"to", "b"}, {"time", exponential(100)}},
      {{"from", "a"}, {"to", "gone"}, {"time", exponential(300)}},
      {{"from", "b"}, {"to", "c"}, {"time", exponential(150)}},
      {{"from", "b"}, {"to", "a"}, {"time", exponential(400)}},
      {{"from", "c"}, {"to", "gone"}, {"time", exponential(200)}},
  };
  document["arrivals"] = {{{"state", "a"}, {"per_year", 200}, {"age_years", {{"0", 1.0}}}}};
  document["initial_population"] = {{{"state", "a"}, {"count", 30}, {"age_years", {{"1-4", 1.0}}}},
                                    {{"state", "c"}, {"count", 20}, {"age_years", {{"1-4", 1.0}}}}};
  const int replications = 2000;
  RunResults results = run(document, replications, 7);

  // Augmented linear system: d/dt [m; 1] = [[G^T, lambda]; [0, 0]] [m; 1].
  Eigen::Matrix4d system = Eigen::Matrix4d::Zero();
  auto rate = [](double mean_days) { return 1.0 / mean_days; };
  system(1, 0) += rate(100);  // a -> b
  system(0, 0) -= rate(100) + rate(300);
  system(2, 1) += rate(150);  // b -> c
  system(0, 1) += rate(400);  // b -> a
  system(1, 1) -= rate(150) + rate(400);
  system(2, 2) -= rate(200);
  system(0, 3) = 200.0 / 365.25;
  Eigen::Vector4d start(30, 0, 20, 1);

  const OutputLayout& layout = results.layout;
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    Eigen::Matrix4d step = (system * layout.snapshot_times[k]).exp();
    Eigen::Vector4d expected = step * start;
    for (size_t state = 0; state < 3; ++state) {
      double simulated = mean_of(results.stocks, layout.stock_cell(k, state));
      EXPECT_NEAR(simulated, expected(state), tolerance(expected(state), replications))
          << "snapshot " << k << " state " << layout.stock_columns[state];
    }
    double total = expected(0) + expected(1) + expected(2);
    EXPECT_NEAR(mean_of(results.stocks, layout.stock_cell(k, layout.in_care_column())), total,
                tolerance(total, replications));
  }
}

// M/M/infinity: with arrival rate lambda and mean stay 1/mu, the stock is Poisson with mean
// (lambda/mu)(1 - exp(-mu t)), so both its mean and its variance converge to lambda/mu.
TEST(Analytic, InfiniteServerQueueReachesPoissonSteadyState) {
  json document = scenario_skeleton(12);
  document["states"] = {{{"id", "in_care_somewhere"}}};
  document["exits"] = {{{"id", "left"}}};
  document["transitions"] = {{{"from", "in_care_somewhere"}, {"to", "left"}, {"time", exponential(30)}}};
  document["arrivals"] = {{{"state", "in_care_somewhere"}, {"per_year", 365.25}, {"age_years", {{"5-9", 1.0}}}}};
  const int replications = 4000;
  RunResults results = run(document, replications, 11);
  const OutputLayout& layout = results.layout;
  for (size_t k = 1; k < layout.snapshots(); ++k) {
    double t = layout.snapshot_times[k];
    double expected = 30.0 * (1.0 - std::exp(-t / 30.0));
    auto column = results.stocks.col(static_cast<Eigen::Index>(layout.stock_cell(k, 0))).cast<double>();
    double mean = column.mean();
    EXPECT_NEAR(mean, expected, tolerance(expected, replications)) << "month " << k;
    // Sample variance of a Poisson(m) count: standard error sqrt((m + 2 m^2) / R).
    double variance = (column.array() - mean).square().sum() / (replications - 1);
    EXPECT_NEAR(variance, expected, 4.5 * std::sqrt((expected + 2 * expected * expected) / replications)) << "month " << k;
  }
  double last = mean_of(results.stocks, layout.stock_cell(layout.months(), 0));
  EXPECT_NEAR(last, 30.0, tolerance(30.0, replications));
}

// A cohort that has already spent d days in a state with Weibull times leaves at the residual rate:
// the share still there t days later is S(d + t) / S(d), not S(t).
TEST(Analytic, InitialCohortFollowsResidualWeibullSurvival) {
  json document = scenario_skeleton(18);
  document["states"] = {{{"id", "waiting"}}};
  document["exits"] = {{{"id", "done"}}};
  json weibull = {{"dist", "weibull"}, {"shape", 1.7}, {"scale_days", 250}};
  document["transitions"] = {{{"from", "waiting"}, {"to", "done"}, {"time", weibull}}};
  const int cohort = 200;
  const double already = 100;
  document["initial_population"] = {{{"state", "waiting"},
                                     {"count", cohort},
                                     {"age_years", {{"1-4", 1.0}}},
                                     {"days_in_state", {{"dist", "fixed"}, {"days", already}}}}};
  const int replications = 1000;
  RunResults results = run(document, replications, 3);
  TimeDistribution time;
  time.kind = TimeDistribution::Kind::weibull;
  time.shape = 1.7;
  time.scale_days = 250;
  const OutputLayout& layout = results.layout;
  for (size_t k = 1; k < layout.snapshots(); ++k) {
    double t = layout.snapshot_times[k];
    double share = survival(time, already + t) / survival(time, already);
    double expected = cohort * share;
    double simulated = mean_of(results.stocks, layout.stock_cell(k, 0));
    EXPECT_NEAR(simulated, expected, tolerance(cohort * share * (1 - share), replications)) << "month " << k;
  }
}

// Competing exponential risks: the branch taken is i with probability r_i / sum r.
TEST(Analytic, CompetingExponentialRisksSplitByRate) {
  json document = scenario_skeleton(120);
  document["states"] = {{{"id", "deciding"}}};
  document["exits"] = {{{"id", "home"}}, {{"id", "sgo"}}, {{"id", "adopted"}}};
  document["transitions"] = {{{"from", "deciding"}, {"to", "home"}, {"time", exponential(100)}},
                             {{"from", "deciding"}, {"to", "sgo"}, {"time", exponential(200)}},
                             {{"from", "deciding"}, {"to", "adopted"}, {"time", exponential(400)}}};
  const int cohort = 100;
  document["initial_population"] = {{{"state", "deciding"}, {"count", cohort}, {"age_years", {{"0", 1.0}}}}};
  const int replications = 500;
  RunResults results = run(document, replications, 5);
  const OutputLayout& layout = results.layout;
  const double total_rate = 1.0 / 100 + 1.0 / 200 + 1.0 / 400;
  const double shares[] = {(1.0 / 100) / total_rate, (1.0 / 200) / total_rate, (1.0 / 400) / total_rate};
  for (size_t key = 0; key < 3; ++key) {
    double exits = 0;
    for (size_t m = 0; m < layout.months(); ++m) exits += mean_of(results.flows, layout.flow_cell(m, key));
    // After ten years everyone has left (P(still there) = exp(-3652/57) ~ 0): a multinomial split.
    EXPECT_NEAR(exits, cohort * shares[key], tolerance(cohort * shares[key] * (1 - shares[key]), replications))
        << layout.flows[key].to;
  }
}
