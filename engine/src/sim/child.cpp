#include "child.hpp"

#include <algorithm>
#include <cmath>

namespace caseflow {

Date years_before(Date date, int years) {
  using namespace std::chrono;
  year_month_day shifted = year_month_day{date} - std::chrono::years{years};
  if (!shifted.ok()) shifted = year_month_day{year_month_day_last{shifted.year(), month_day_last{shifted.month()}}};
  return sys_days{shifted};
}

double time_of_age(const Child& child, Date start, double years) {
  if (!std::isfinite(years)) return std::numeric_limits<double>::infinity();
  int whole = static_cast<int>(std::floor(years));
  double at = static_cast<double>(days_between(start, anniversary(child.birth_date, whole)));
  double fraction = years - whole;
  if (fraction > 0) {
    double next = static_cast<double>(days_between(start, anniversary(child.birth_date, whole + 1)));
    at += fraction * (next - at);
  }
  return at;
}

int32_t draw_birth_day(const AgeDistribution& ages, Date start, int32_t day, double u) {
  double total = 0;
  for (const auto& b : ages.bands) total += b.share;
  double target = u * total;
  const AgeBand* band = &ages.bands.back();
  double cumulative = 0;
  for (const auto& b : ages.bands) {
    cumulative += b.share;
    if (target < cumulative && b.share > 0) {
      band = &b;
      break;
    }
  }
  // Born on `latest`, the child turns min_years on `day`; born on `earliest`, it turns end_years the day after.
  Date today = start + std::chrono::days{day};
  Date latest = years_before(today, band->min_years);
  Date earliest = years_before(today, band->end_years) + std::chrono::days{1};
  long span = days_between(earliest, latest) + 1;
  // The position of u within the band, so one uniform decides both band and day.
  double within = band->share > 0 ? (target - (cumulative - band->share)) / band->share : 0.0;
  long offset = std::clamp<long>(static_cast<long>(within * static_cast<double>(span)), 0, span - 1);
  return static_cast<int32_t>(days_between(start, earliest) + offset);
}

}  // namespace caseflow
