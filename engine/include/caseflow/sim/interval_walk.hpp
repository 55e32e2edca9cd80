#pragma once
// Spreading an interval of time over consecutive intervals of the clock (calendar months): the piece of
// [from, to] inside each interval, in order. Every allowance is spread this way, over years of months, so
// finding the first interval is a lookup by whole day rather than a search, and the loop is kept tight.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <vector>

namespace caseflow {

class IntervalWalk {
 public:
  IntervalWalk() = default;
  // Intervals [boundaries[k], boundaries[k+1]) in clock days, ascending; fewer than two boundaries: none.
  explicit IntervalWalk(std::vector<double> boundaries) : boundaries_(std::move(boundaries)) {
    if (boundaries_.size() < 2) {
      boundaries_.clear();
      return;
    }
    const double first = boundaries_.front(), last = boundaries_.back();
    const auto days = static_cast<size_t>(std::ceil(last - first)) + 1;
    interval_by_day_.resize(days);
    uint32_t k = 0;
    for (size_t day = 0; day < days; ++day) {
      while (k + 2 < boundaries_.size() && boundaries_[k + 1] <= first + static_cast<double>(day)) ++k;
      interval_by_day_[day] = k;
    }
  }

  size_t intervals() const { return boundaries_.empty() ? 0 : boundaries_.size() - 1; }

  // Calls visit(k, a, b) for each non-empty piece [a, b] of [from, to] inside interval k. The pieces are
  // max(from, start) to min(to, end) of each interval, computed as exactly those expressions.
  template <class Visit>
  void for_each_piece(double from, double to, Visit&& visit) const {
    for_each_piece(from, to, visit, visit);
  }

  // The same, calling whole(k, start, end) for the pieces that are all of interval k and part(k, a, b) for
  // the others (at most two: where [from, to] starts and ends), so a caller can look up what it knows of
  // whole intervals.
  template <class Part, class Whole>
  void for_each_piece(double from, double to, Part&& part, Whole&& whole) const {
    if (boundaries_.empty()) return;
    const double* bounds = boundaries_.data();
    const size_t count = boundaries_.size() - 1;
    from = std::max(from, bounds[0]);
    to = std::min(to, bounds[count]);
    if (!(to > from)) return;
    // The interval holding `from`: the last k with bounds[k] <= from (from < bounds[count] here).
    size_t k = interval_by_day_[static_cast<size_t>(from - bounds[0])];
    while (k + 1 < count && bounds[k + 1] <= from) ++k;
    const double first_end = std::min(to, bounds[k + 1]);
    if (from == bounds[k] && first_end == bounds[k + 1]) whole(k, bounds[k], bounds[k + 1]);
    else part(k, from, first_end);
    for (++k; k < count && bounds[k + 1] <= to; ++k) whole(k, bounds[k], bounds[k + 1]);
    if (k < count && bounds[k] < to) part(k, bounds[k], to);
  }

 private:
  std::vector<double> boundaries_;
  std::vector<uint32_t> interval_by_day_;  // by whole day from the first boundary: the interval holding that day
};

}  // namespace caseflow
