// The estimators against what must be true of them: occurrence/exposure by hand, the Weibull maximum's
// closed-form conditions on complete data, the observed information against a numerical Hessian, and
// the standard errors against the actual spread of estimates over many data sets.

#include <cmath>
#include <cstdio>
#include <random>

#include <gtest/gtest.h>

#include "caseflow/calibration/hazard_estimation.hpp"

using namespace caseflow;

namespace {

// Left-truncated (entry uniform on [0, max_entry]) and right-censored (after a uniform follow-up) Weibull stays.
std::vector<RiskInterval> weibull_sample(std::mt19937_64& random, int n, double shape, double scale, double max_entry,
                                         double max_follow_up) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::vector<RiskInterval> sample;
  for (int i = 0; i < n; ++i) {
    double entry = max_entry * unit(random);
    // T given T > entry, by inversion: (T/s)^k = (entry/s)^k - log u.
    double u = 1.0 - unit(random);
    double t = scale * std::pow(std::pow(entry / scale, shape) - std::log(u), 1.0 / shape);
    double censor = entry + max_follow_up * unit(random);
    sample.push_back({entry, std::min(t, censor), t <= censor});
  }
  return sample;
}

}  // namespace

TEST(HazardEstimation, OccurrenceOverExposureByHand) {
  ExponentialFit fit = fit_exponential({{0, 10, true}, {5, 25, false}, {3, 3, true}, {100, 100, false}});
  EXPECT_EQ(fit.events, 2);
  EXPECT_EQ(fit.exposure_days, 30);
  EXPECT_DOUBLE_EQ(fit.rate_per_day, 2.0 / 30);
  EXPECT_DOUBLE_EQ(fit.rate_se, std::sqrt(2.0) / 30);
  EXPECT_DOUBLE_EQ(fit.mean_days, 15);
  EXPECT_DOUBLE_EQ(fit.mean_se, 15 / std::sqrt(2.0));
}

TEST(HazardEstimation, WeibullMaximumSatisfiesTheCompleteDataEquations) {
  // With every stay observed from 0 to its event, the maximum satisfies
  //   1/k + mean(log t) = sum t^k log t / sum t^k   and   s^k = mean(t^k).
  std::mt19937_64 random(11);
  std::vector<RiskInterval> sample = weibull_sample(random, 500, 0.8, 200, 0, 1e12);
  for (const auto& interval : sample) ASSERT_TRUE(interval.event);
  WeibullFit fit = fit_weibull(sample);
  ASSERT_TRUE(fit.converged) << fit.problem;
  double k = fit.shape, sum_tk = 0, sum_tk_log = 0, sum_log = 0;
  for (const auto& interval : sample) {
    double t = std::max(interval.exit, 0.5);
    sum_tk += std::pow(t, k);
    sum_tk_log += std::pow(t, k) * std::log(t);
    sum_log += std::log(t);
  }
  double n = static_cast<double>(sample.size());
  EXPECT_NEAR(1 / k + sum_log / n, sum_tk_log / sum_tk, 1e-9);
  EXPECT_NEAR(std::pow(fit.scale_days, k), sum_tk / n, 1e-7 * sum_tk / n);
}

TEST(HazardEstimation, StandardErrorsAreTheInverseOfANumericalHessian) {
  std::mt19937_64 random(12);
  std::vector<RiskInterval> sample = weibull_sample(random, 400, 1.6, 300, 200, 500);
  WeibullFit fit = fit_weibull(sample);
  ASSERT_TRUE(fit.converged) << fit.problem;
  // Central differences on (log shape, log scale).
  auto loglik = [&](double a, double b) { return weibull_log_likelihood(sample, std::exp(a), std::exp(b)); };
  double a = std::log(fit.shape), b = std::log(fit.scale_days), h = 1e-4;
  double l0 = loglik(a, b);
  EXPECT_NEAR((loglik(a + h, b) - loglik(a - h, b)) / (2 * h), 0.0, 1e-3);
  EXPECT_NEAR((loglik(a, b + h) - loglik(a, b - h)) / (2 * h), 0.0, 1e-3);
  double haa = (loglik(a + h, b) - 2 * l0 + loglik(a - h, b)) / (h * h);
  double hbb = (loglik(a, b + h) - 2 * l0 + loglik(a, b - h)) / (h * h);
  double hab = (loglik(a + h, b + h) - loglik(a + h, b - h) - loglik(a - h, b + h) + loglik(a - h, b - h)) / (4 * h * h);
  double det = haa * hbb - hab * hab;
  EXPECT_NEAR(fit.log_shape_se, std::sqrt(-hbb / det), 1e-3 * fit.log_shape_se);
  EXPECT_NEAR(fit.log_scale_se, std::sqrt(-haa / det), 1e-3 * fit.log_scale_se);
  EXPECT_NEAR(fit.correlation, (hab / det) / (fit.log_shape_se * fit.log_scale_se), 1e-3);
  // And the maximum is a maximum.
  EXPECT_LT(loglik(a + 0.05, b), l0);
  EXPECT_LT(loglik(a, b - 0.05), l0);
}

TEST(HazardEstimation, WeibullStandardErrorsMatchTheSpreadOfEstimates) {
  // 300 data sets of 300 left-truncated, right-censored stays. If the standard errors are right, the
  // estimate falls within 1.96 SE of the truth in 95% of data sets: a Binomial(300, 0.95) count, mean
  // 285, SD 3.8; we accept 4.5 SD around it, [268, 300].
  std::mt19937_64 random(13);
  const double shape = 1.6, scale = 300;
  int shape_covered = 0, scale_covered = 0, fits = 0;
  double sum_z = 0;
  for (int d = 0; d < 300; ++d) {
    WeibullFit fit = fit_weibull(weibull_sample(random, 300, shape, scale, 200, 500));
    ASSERT_TRUE(fit.converged) << fit.problem;
    ++fits;
    double z_shape = (std::log(fit.shape) - std::log(shape)) / fit.log_shape_se;
    double z_scale = (std::log(fit.scale_days) - std::log(scale)) / fit.log_scale_se;
    shape_covered += std::abs(z_shape) < 1.96;
    scale_covered += std::abs(z_scale) < 1.96;
    sum_z += z_shape;
  }
  std::printf("Weibull 95%% intervals covering the truth over %d data sets: shape %d, scale %d\n", fits, shape_covered,
              scale_covered);
  EXPECT_GE(shape_covered, 268);
  EXPECT_GE(scale_covered, 268);
  // No gross bias: the mean z is within 4.5 / sqrt(300) of 0 (plus the O(1/n) bias of the MLE, small here).
  EXPECT_LT(std::abs(sum_z / fits), 4.5 / std::sqrt(300.0) + 0.1);
}

TEST(HazardEstimation, WeibullNeedsEvents) {
  WeibullFit fit = fit_weibull({{0, 100, true}, {0, 200, false}});
  EXPECT_FALSE(fit.converged);
  EXPECT_EQ(fit.problem, "fewer than 2 events");
  // Events on the day of entry are taken at half a day: finite, and the fit still works.
  std::vector<RiskInterval> sample = {{0, 0, true}, {0, 0, true}, {0, 3, true}, {0, 10, true}, {0, 40, false}, {0, 7, true}};
  EXPECT_TRUE(std::isfinite(weibull_log_likelihood(sample, 2.0, 10.0)));
  EXPECT_TRUE(fit_weibull(sample).converged);
}
