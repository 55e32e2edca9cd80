#include "caseflow/base/calendar.hpp"

#include <cstdio>

namespace caseflow {

using namespace std::chrono;

std::optional<Date> parse_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  auto digits = [&](size_t begin, size_t count) -> std::optional<int> {
    int value = 0;
    for (size_t i = begin; i < begin + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return std::nullopt;
      value = value * 10 + (text[i] - '0');
    }
    return value;
  };
  auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
  if (!y || !m || !d) return std::nullopt;
  year_month_day ymd{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
  if (!ymd.ok()) return std::nullopt;
  return sys_days{ymd};
}

std::string format_iso_date(Date date) {
  year_month_day ymd{date};
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buffer;
}

Date add_months(Date date, int months) {
  year_month_day ymd{date};
  year_month_day shifted = ymd + std::chrono::months{months};
  if (!shifted.ok()) shifted = year_month_day{year_month_day_last{shifted.year(), month_day_last{shifted.month()}}};
  return sys_days{shifted};
}

Date anniversary(Date birth, int years) { return anniversary(year_month_day{birth}, years); }

Date anniversary(year_month_day birth, int years) {
  year_month_day shifted = birth + std::chrono::years{years};
  if (!shifted.ok()) return sys_days{year_month_day_last{shifted.year(), month_day_last{shifted.month()}}} + days{1};
  return sys_days{shifted};
}

}  // namespace caseflow
