#include "caseflow/sim/cost_integral.hpp"

#include "caseflow/base/units.hpp"

#include <algorithm>
#include <cmath>

namespace caseflow {

namespace {

double log_rate_per_day(double rate_per_year) { return std::log1p(rate_per_year) / kDaysPerYear; }

std::vector<double> boundaries_of(const std::vector<CostPeriod>& periods) {
  std::vector<double> boundaries;
  for (const CostPeriod& period : periods) boundaries.push_back(period.start);
  if (!periods.empty()) boundaries.push_back(periods.back().end);
  return boundaries;
}
}  // namespace

CostIntegral::CostIntegral(const Scenario& scenario, const OutputLayout& layout)
    : periods_(layout.cost_periods),
      period_walk_(boundaries_of(periods_)),
      categories_(layout.cost_categories.size()),
      inflation_from_(static_cast<double>(days_between(scenario.start_date, scenario.costs.inflation_from))),
      discount_from_(static_cast<double>(days_between(scenario.start_date, scenario.costs.discount_from))),
      discount_log_rate_(log_rate_per_day(scenario.costs.discount_rate_per_year)) {}

CostIntegral::Tariff CostIntegral::tariff(double weekly_cost, double inflation_per_year) const {
  Tariff tariff{weekly_cost, log_rate_per_day(inflation_per_year), {}};
  tariff.whole_period_cost.reserve(periods_.size());
  for (const CostPeriod& period : periods_)
    tariff.whole_period_cost.push_back(integral_at_rate(weekly_cost, tariff.inflation_log_rate, period.start, period.end));
  return tariff;
}

double CostIntegral::integral(double weekly_cost, double inflation_per_year, double from, double to) const {
  if (!(to > from) || weekly_cost == 0) return 0.0;
  return integral_at_rate(weekly_cost, log_rate_per_day(inflation_per_year), from, to);
}

double CostIntegral::integral_at_rate(double weekly_cost, double inflation_rate, double from, double to) const {
  if (!(to > from) || weekly_cost == 0) return 0.0;
  // The daily cost is c(t) = w/7 * (1+i)^(max(0, t - t_i)/365.25) * (1+d)^(-max(0, t - t_d)/365.25): an
  // exponential between the two kinks, integrated exactly on each piece.
  const double discount_rate = discount_log_rate_;
  auto log_factor = [&](double t) {
    return inflation_rate * std::max(0.0, t - inflation_from_) - discount_rate * std::max(0.0, t - discount_from_);
  };
  double breaks[4] = {from, std::clamp(inflation_from_, from, to), std::clamp(discount_from_, from, to), to};
  std::sort(breaks + 1, breaks + 3);
  double total = 0;
  for (int piece = 0; piece < 3; ++piece) {
    double a = breaks[piece], b = breaks[piece + 1];
    if (!(b > a)) continue;
    double midpoint = 0.5 * (a + b);
    double slope = (midpoint > inflation_from_ ? inflation_rate : 0.0) - (midpoint > discount_from_ ? discount_rate : 0.0);
    double length = b - a;
    // exp(slope * length) - 1 over slope, without cancellation when the slope is tiny.
    double growth = slope == 0 ? length : std::expm1(slope * length) / slope;
    total += std::exp(log_factor(a)) * growth;
  }
  return weekly_cost / 7.0 * total;
}

void CostIntegral::add(std::vector<double>& costs, size_t category, double weekly_cost, double inflation_per_year,
                       double from, double to) const {
  if (weekly_cost == 0) return;
  const double inflation_log_rate = log_rate_per_day(inflation_per_year);
  for_each_period(from, to, [&](size_t period, double a, double b) {
    costs[period * categories_ + category] += integral_at_rate(weekly_cost, inflation_log_rate, a, b);
  });
}

void CostIntegral::add(std::vector<double>& costs, size_t category, const Tariff& tariff, double from, double to) const {
  if (tariff.weekly_cost == 0) return;
  double* column = costs.data() + category;
  period_walk_.for_each_piece(
      from, to,
      [&](size_t period, double a, double b) {
        column[period * categories_] += integral_at_rate(tariff.weekly_cost, tariff.inflation_log_rate, a, b);
      },
      [&](size_t period, double, double) { column[period * categories_] += tariff.whole_period_cost[period]; });
}

}  // namespace caseflow
