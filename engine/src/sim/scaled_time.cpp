#include "scaled_time.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace caseflow {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

}  // namespace

double draw_scaled_time(const TimeDistribution& time, const std::vector<RateSegment>& segments, double entered_at,
                        double lower, double u, double cutoff) {
  double budget = -std::log(u);
  double in_state = lower;
  // The segment holding the present: the last that starts at or before it (the first starts at -infinity).
  auto after = std::upper_bound(segments.begin() + 1, segments.end(), entered_at + in_state,
                                [](double t, const RateSegment& segment) { return t < segment.from_time; });
  size_t s = static_cast<size_t>(after - segments.begin()) - 1;
  double hazard_here = cumulative_hazard(time, in_state);
  const double until_end = cutoff - entered_at;
  if (!(until_end > in_state) || segments[s].most_from_here * (cumulative_hazard(time, until_end) - hazard_here) < budget)
    return kInfinity;
  for (;; ++s) {
    double factor = segments[s].factor;
    double segment_end = s + 1 < segments.size() ? segments[s + 1].from_time - entered_at : kInfinity;
    double hazard_at_end = std::isfinite(segment_end) ? cumulative_hazard(time, segment_end) : kInfinity;
    if (factor > 0) {
      double needed = hazard_here + budget / factor;
      if (hazard_at_end >= needed) return std::max(in_state, time_at_cumulative_hazard(time, needed));
      budget -= factor * (hazard_at_end - hazard_here);
    } else if (!std::isfinite(segment_end)) {
      return kInfinity;
    }
    in_state = segment_end;
    hazard_here = hazard_at_end;
  }
}

}  // namespace caseflow
