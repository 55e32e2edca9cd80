// Scoring back-tests: the errors and coverage of hand-made forecasts, and the naive trend line.

#include <gtest/gtest.h>

#include "caseflow/stats/backtest_scores.hpp"

using namespace caseflow;

TEST(BacktestScores, ErrorsAndCoverageByHorizon) {
  auto forecast = [](int horizon, double observed, double mean, double p05, double p95, double last, double trend) {
    BacktestForecast f;
    f.horizon_years = horizon;
    f.observed = observed;
    f.mean = f.p50 = mean;
    f.p05 = p05;
    f.p25 = mean - 1;
    f.p75 = mean + 1;
    f.p95 = p95;
    f.naive_last = last;
    f.naive_trend = trend;
    return f;
  };
  std::vector<BacktestForecast> forecasts{forecast(1, 100, 110, 90, 120, 100, 95), forecast(1, 200, 190, 205, 230, 180, 220),
                                          forecast(2, 50, 50, 40, 60, 40, 55)};
  std::vector<HorizonScore> scores = score_backtest(forecasts);
  ASSERT_EQ(scores.size(), 2u);
  EXPECT_EQ(scores[0].horizon_years, 1);
  EXPECT_EQ(scores[0].forecasts, 2);
  EXPECT_DOUBLE_EQ(scores[0].mape_model, (0.10 + 0.05) / 2);
  EXPECT_DOUBLE_EQ(scores[0].mape_last, (0.0 + 0.10) / 2);
  EXPECT_DOUBLE_EQ(scores[0].mape_trend, (0.05 + 0.10) / 2);
  EXPECT_DOUBLE_EQ(scores[0].bias, (0.10 - 0.05) / 2);
  EXPECT_DOUBLE_EQ(scores[0].coverage_90, 0.5);  // 200 is below the second forecast's 5th percentile
  EXPECT_DOUBLE_EQ(scores[0].coverage_50, 0.0);
  EXPECT_DOUBLE_EQ(scores[1].coverage_50, 1.0);
  EXPECT_DOUBLE_EQ(scores[1].mape_model, 0.0);
}

TEST(BacktestScores, TheNaiveTrendIsTheLeastSquaresLine) {
  // 100, 110, 130 at -2, -1, 0 years: slope 15, mean 113.3 at -1; two years ahead: 113.33 + 15 x 3 = 158.33.
  EXPECT_NEAR(linear_trend_forecast({{-2, 100}, {-1, 110}, {0, 130}}, 2), 113.0 + 1.0 / 3 + 45, 1e-9);
  EXPECT_EQ(linear_trend_forecast({{0, 77}}, 3), 77);
  EXPECT_EQ(linear_trend_forecast({{-1, 100}, {0, 10}}, 3), 0);  // never below zero children
}
