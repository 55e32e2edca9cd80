#pragma once
// Estimating how much a council's rates drift from year to year, beyond chance: the volatility of drift.hpp's
// random walk, from a series of yearly counts of events (entries to care, or exits) against what a constant
// rate would give (the exposure, or the exits expected from each year's children in care).
//
// With y(j) = log(observed(j) / expected(j)) for consecutive years j, a rate whose logarithm follows a random
// walk of volatility s (per year) gives year-to-year differences d(j) = y(j) - y(j-1) of variance
// 2 s^2 / 3 (the average of a random walk over one year against the next) plus the Poisson noise of the
// counts, about 1 / observed(j) + 1 / observed(j-1). So
//
//     s^2 = 3/2 (mean of d^2 - mean of the noise),
//
// with a 90% range from the chi-squared law of the mean of d^2 over the m differences (m - 1 degrees of
// freedom with a trend taken out), never below `floor` (a little drift is always there; a range must be above 0).

#include <string>
#include <vector>

namespace caseflow {

struct DriftEstimate {
  bool estimated = false;  // false with fewer than three years
  int years = 0;
  double volatility_per_year = 0, low = 0, high = 0;
  // The mean yearly change of the logarithm over the last `trend_years` differences, and its 90% range (normal,
  // from the differences' spread): a trend a forecast may carry on.
  double trend_per_year = 0, trend_low = 0, trend_high = 0;
  std::string describe() const;  // for notes: "volatility 0.08 a year (90% range 0.03 to 0.2), from 12 years"
};

DriftEstimate estimate_drift(const std::vector<double>& observed, const std::vector<double>& expected, double floor = 0.02,
                             int trend_years = 3);

}  // namespace caseflow
