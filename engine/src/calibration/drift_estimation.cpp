#include "caseflow/calibration/drift_estimation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <boost/math/distributions/chi_squared.hpp>

namespace caseflow {

namespace {

constexpr double kZ95 = 1.6448536269514722;

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.3g", value);
  return buffer;
}

}  // namespace

std::string DriftEstimate::describe() const {
  if (!estimated) return "not estimated (fewer than three years of data)";
  return "volatility " + number(volatility_per_year) + " a year (90% range " + number(low) + " to " + number(high) +
         "), from " + std::to_string(years) + " years";
}

DriftEstimate estimate_drift(const std::vector<double>& observed, const std::vector<double>& expected, double floor,
                             int trend_years) {
  DriftEstimate estimate;
  const size_t years = std::min(observed.size(), expected.size());
  estimate.years = static_cast<int>(years);
  if (years < 3) return estimate;
  std::vector<double> y, noise;
  for (size_t j = 0; j < years; ++j) {
    double count = std::max(observed[j], 0.5);  // a year without events: half an event, so the logarithm is finite
    y.push_back(std::log(count / std::max(expected[j], 1e-12)));
    noise.push_back(1.0 / count);
  }
  const size_t m = years - 1;
  double squares = 0, mean_noise = 0;
  std::vector<double> differences;
  for (size_t j = 1; j < years; ++j) {
    double d = y[j] - y[j - 1];
    differences.push_back(d);
    squares += d * d;
    mean_noise += noise[j] + noise[j - 1];
  }
  squares /= static_cast<double>(m);
  mean_noise /= static_cast<double>(m);
  auto volatility = [&](double mean_square) { return std::sqrt(1.5 * std::max(mean_square - mean_noise, 0.0) + floor * floor); };
  boost::math::chi_squared chi2(static_cast<double>(m));
  const double low_square = squares * static_cast<double>(m) / boost::math::quantile(chi2, 0.95);
  const double high_square = squares * static_cast<double>(m) / boost::math::quantile(chi2, 0.05);
  estimate.estimated = true;
  estimate.low = volatility(low_square);
  estimate.high = volatility(high_square);
  estimate.volatility_per_year = std::clamp(volatility(squares), estimate.low, estimate.high);

  // The trend of the last differences, with the standard error of their mean.
  const size_t recent = std::min<size_t>(static_cast<size_t>(std::max(trend_years, 1)), differences.size());
  double sum = 0;
  for (size_t j = differences.size() - recent; j < differences.size(); ++j) sum += differences[j];
  estimate.trend_per_year = sum / static_cast<double>(recent);
  double spread = std::sqrt(squares);  // each difference's standard deviation
  double half_width = kZ95 * spread / std::sqrt(static_cast<double>(recent));
  estimate.trend_low = estimate.trend_per_year - half_width;
  estimate.trend_high = estimate.trend_per_year + half_width;
  return estimate;
}

}  // namespace caseflow
