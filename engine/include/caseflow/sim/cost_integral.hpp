#pragma once
// Turning time into money, exactly: a weekly cost, inflated and discounted continuously, integrated over
// an interval in closed form and split at calendar months (hence at financial years). Placement costs are
// added for a count of children between changes of that count (recorder.hpp), allowances once per payment:
// never by daily events.

#include <algorithm>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/interval_walk.hpp"
#include "caseflow/sim/output_layout.hpp"

namespace caseflow {

class CostIntegral {
 public:
  CostIntegral(const Scenario& scenario, const OutputLayout& layout);

  // A weekly cost with its inflation, made ready for many stays: its continuous inflation rate, and its
  // cost over every whole cost period, worked out once. Most of a long stay is whole months, so a stay
  // then costs a table lookup per month and two integrals for the months it starts and ends in.
  struct Tariff {
    double weekly_cost = 0;
    double inflation_log_rate = 0;           // log(1 + inflation per year) per day
    std::vector<double> whole_period_cost;   // by cost period: the integral over the whole period
  };
  Tariff tariff(double weekly_cost, double inflation_per_year) const;

  // The cost of `weekly_cost` (at the prices of inflation_from, rising by `inflation_per_year` from
  // then on, discounted at the scenario's rate from discount_from) over [from, to] in clock days.
  double integral(double weekly_cost, double inflation_per_year, double from, double to) const;

  // Calls visit(period index, a, b) for each piece [a, b] of [from, to] within one cost period.
  template <class Visit>
  void for_each_period(double from, double to, Visit&& visit) const;

  // Adds that cost, split by cost period, to `costs` (laid out as layout.cost_cell) in `category`.
  void add(std::vector<double>& costs, size_t category, double weekly_cost, double inflation_per_year, double from,
           double to) const;
  // The same for a tariff made by tariff(weekly_cost, inflation_per_year): the same numbers, to the bit.
  void add(std::vector<double>& costs, size_t category, const Tariff& tariff, double from, double to) const;

  // The cost of one child on `tariff` over [from, to], which lies inside cost period `period`.
  double cost_in_period(const Tariff& tariff, size_t period, double from, double to) const {
    if (from == periods_[period].start && to == periods_[period].end) return tariff.whole_period_cost[period];
    return integral_at_rate(tariff.weekly_cost, tariff.inflation_log_rate, from, to);
  }

 private:
  double integral_at_rate(double weekly_cost, double inflation_log_rate, double from, double to) const;

  // Copies, not a reference to the layout: a Simulation holding this may be moved.
  std::vector<CostPeriod> periods_;
  IntervalWalk period_walk_;  // over the cost periods, which follow one another without gaps
  size_t categories_ = 0;
  double inflation_from_;
  double discount_from_;
  double discount_log_rate_;  // log(1 + discount rate per year) per day
};

template <class Visit>
void CostIntegral::for_each_period(double from, double to, Visit&& visit) const {
  period_walk_.for_each_piece(from, to, visit);
}

}  // namespace caseflow
