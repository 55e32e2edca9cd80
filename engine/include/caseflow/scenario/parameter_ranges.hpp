#pragma once
// Which numbers of a scenario may carry a 90% range ("per_year_range": [50, 85] beside "per_year"), the law
// each is drawn from, and where the number lives in the Scenario structs.
//
// Positive quantities (rates, times, costs, a rate factor, a drift's volatility) are log-normal: a range
// [low, high] is the 5th and 95th percentiles, so the median is sqrt(low * high) and the law is skewed as
// such quantities are. Shares (an edge-of-care team's diversion share) are Beta with the same percentiles.
// Quantities that may be zero or negative (capacities, counts, inflation, extra placements) are normal,
// rounded for whole numbers and kept within the values the key allows. The number itself is what a run
// without parameter uncertainty uses; it must lie within its range.

#include <limits>
#include <string>
#include <string_view>

#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

enum class RangeLaw { log_normal, normal, beta };

struct RangeRule {
  RangeLaw law = RangeLaw::log_normal;
  bool whole = false;  // drawn values are rounded to whole numbers
  double minimum = -std::numeric_limits<double>::infinity();  // normal draws are kept at or above this
};

// The rule for the number at a JSON path of a scenario ("/arrivals/0/per_year",
// "/transitions/3/time/mean_days"), or nullptr when that number cannot carry a range.
const RangeRule* range_rule(std::string_view path);

// What is wrong with `range` for a number whose rule is `rule` and whose value is `value`, in words for an
// error message; empty when nothing is.
std::string range_problem(const RangeRule& rule, const NumberRange& range, double value);

// The number at `path` (one range_rule accepts) in `scenario`, and its replacement; whole numbers are rounded.
// Throw std::out_of_range when the path does not lead to a number of this scenario.
double number_at(const Scenario& scenario, std::string_view path);
void set_number_at(Scenario& scenario, std::string_view path, double value);

}  // namespace caseflow
