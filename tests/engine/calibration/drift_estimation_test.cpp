// Estimating drift from yearly counts: on series made by the process drift.hpp simulates (a monthly
// multiplicative random walk, counted year by year with Poisson chance), the estimate recovers the volatility,
// its 90% range holds the truth about 90% of the time, a series with no drift gives the floor, and a steady
// trend is found.

#include <cmath>
#include <random>

#include <gtest/gtest.h>

#include "caseflow/calibration/drift_estimation.hpp"

using namespace caseflow;

namespace {

// `years` yearly counts of a Poisson process whose rate (`per_year` at first) follows a monthly random walk of
// volatility `volatility` a year, as drift.hpp draws it.
std::vector<double> yearly_counts(std::mt19937_64& random, int years, double per_year, double volatility, double trend = 0) {
  std::normal_distribution<double> normal;
  const double step = volatility / std::sqrt(12.0);
  double log_rate = std::log(per_year);
  std::vector<double> counts;
  for (int y = 0; y < years; ++y) {
    double expected = 0;
    for (int m = 0; m < 12; ++m) {
      log_rate += trend / 12 + step * normal(random) - 0.5 * step * step;
      expected += std::exp(log_rate) / 12;
    }
    counts.push_back(static_cast<double>(std::poisson_distribution<long>(expected)(random)));
  }
  return counts;
}

}  // namespace

TEST(DriftEstimation, RecoversTheVolatilityAndItsRangeHoldsIt) {
  std::mt19937_64 random(42);
  const int series = 400;
  const double truth = 0.15;
  int held = 0;
  double mean_square = 0;
  for (int s = 0; s < series; ++s) {
    std::vector<double> counts = yearly_counts(random, 12, 300, truth);
    DriftEstimate estimate = estimate_drift(counts, std::vector<double>(counts.size(), 1.0), 0.0);
    ASSERT_TRUE(estimate.estimated);
    EXPECT_LE(estimate.low, estimate.volatility_per_year);
    EXPECT_LE(estimate.volatility_per_year, estimate.high);
    held += estimate.low <= truth && truth <= estimate.high;
    mean_square += estimate.volatility_per_year * estimate.volatility_per_year / series;
  }
  // The square is unbiased but for the clamping at zero: within 15% of the truth's square (its spread over 400
  // series of 11 differences is about 6%).
  EXPECT_NEAR(mean_square, truth * truth, 0.15 * truth * truth);
  // Binomial(400, 0.9), within 4.5 standard deviations.
  EXPECT_NEAR(held, 0.9 * series, 4.5 * std::sqrt(series * 0.9 * 0.1));
}

TEST(DriftEstimation, PoissonChanceAloneGivesTheFloor) {
  std::mt19937_64 random(7);
  double sum = 0;
  const int series = 200;
  for (int s = 0; s < series; ++s) {
    std::vector<double> counts = yearly_counts(random, 10, 80, 0.0);
    sum += estimate_drift(counts, std::vector<double>(counts.size(), 1.0), 0.02).volatility_per_year / series;
  }
  // Chance alone moves 80 a year by about 11% from year to year: none of it is drift.
  EXPECT_LT(sum, 0.06);
}

TEST(DriftEstimation, FindsASteadyTrend) {
  std::vector<double> counts, expected;
  for (int y = 0; y < 8; ++y) {
    counts.push_back(1e6 * std::exp(0.05 * y));
    expected.push_back(1.0);
  }
  DriftEstimate estimate = estimate_drift(counts, expected);
  EXPECT_NEAR(estimate.trend_per_year, 0.05, 1e-12);
  EXPECT_LT(estimate.trend_low, 0.05);
  EXPECT_GT(estimate.trend_high, 0.05);
}

TEST(DriftEstimation, TooFewYearsAreNotEstimated) {
  EXPECT_FALSE(estimate_drift({10, 12}, {1, 1}).estimated);
  EXPECT_EQ(estimate_drift({10, 12}, {1, 1}).describe(), "not estimated (fewer than three years of data)");
}
