#include "caseflow/stats/backtest_scores.hpp"

#include <cmath>
#include <map>

namespace caseflow {

std::vector<HorizonScore> score_backtest(const std::vector<BacktestForecast>& forecasts) {
  struct Sums {
    int forecasts = 0, with_count = 0;
    double model = 0, last = 0, trend = 0, bias = 0, in_50 = 0, in_90 = 0;
  };
  std::map<int, Sums> by_horizon;
  for (const BacktestForecast& f : forecasts) {
    Sums& s = by_horizon[f.horizon_years];
    ++s.forecasts;
    s.in_50 += f.in_50();
    s.in_90 += f.in_90();
    if (f.observed > 0) {
      ++s.with_count;
      s.model += std::fabs(f.mean - f.observed) / f.observed;
      s.last += std::fabs(f.naive_last - f.observed) / f.observed;
      s.trend += std::fabs(f.naive_trend - f.observed) / f.observed;
      s.bias += (f.mean - f.observed) / f.observed;
    }
  }
  std::vector<HorizonScore> scores;
  for (const auto& [horizon, s] : by_horizon) {
    HorizonScore score;
    score.horizon_years = horizon;
    score.forecasts = s.forecasts;
    if (s.with_count > 0) {
      score.mape_model = s.model / s.with_count;
      score.mape_last = s.last / s.with_count;
      score.mape_trend = s.trend / s.with_count;
      score.bias = s.bias / s.with_count;
    }
    score.coverage_50 = s.in_50 / s.forecasts;
    score.coverage_90 = s.in_90 / s.forecasts;
    scores.push_back(score);
  }
  return scores;
}

double linear_trend_forecast(const std::vector<CountAt>& points, double years_ahead) {
  if (points.empty()) return 0;
  if (points.size() == 1) return points.front().count;
  double mean_x = 0, mean_y = 0;
  for (const CountAt& p : points) {
    mean_x += p.years_from_origin;
    mean_y += p.count;
  }
  mean_x /= static_cast<double>(points.size());
  mean_y /= static_cast<double>(points.size());
  double sxy = 0, sxx = 0;
  for (const CountAt& p : points) {
    sxy += (p.years_from_origin - mean_x) * (p.count - mean_y);
    sxx += (p.years_from_origin - mean_x) * (p.years_from_origin - mean_x);
  }
  double slope = sxx > 0 ? sxy / sxx : 0;
  return std::max(0.0, mean_y + slope * (years_ahead - mean_x));
}

}  // namespace caseflow
