#include "caseflow/base/uk_format.hpp"

#include "caseflow/base/units.hpp"

#include <cmath>
#include <cstdio>

namespace caseflow {

namespace {

constexpr const char* kMinus = "\xE2\x88\x92";  // U+2212
constexpr const char* kMonthNames[] = {"January", "February", "March",     "April",   "May",      "June",
                                       "July",    "August",   "September", "October", "November", "December"};

std::string group_thousands(const std::string& digits) {
  std::string grouped;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

std::string format_decimal(double value, int decimals) {
  if (std::isnan(value)) return "n/a";
  if (std::isinf(value)) return value > 0 ? "infinite" : std::string(kMinus) + "infinite";
  double scale = std::pow(10.0, decimals);
  double rounded = std::round(std::abs(value) * scale) / scale;  // std::round: half away from zero
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, rounded);
  std::string text = buffer;
  size_t point = text.find('.');
  std::string whole = text.substr(0, point), fraction = point == std::string::npos ? "" : text.substr(point);
  bool negative = value < 0 && rounded != 0;  // never "−0"
  return (negative ? std::string(kMinus) : std::string()) + group_thousands(whole) + fraction;
}

std::string format_trimmed(double value, int max_decimals) {
  std::string text = format_decimal(value, max_decimals);
  if (text.find('.') == std::string::npos) return text;
  while (text.back() == '0') text.pop_back();
  if (text.back() == '.') text.pop_back();
  return text;
}

std::string format_percent(double fraction, int decimals) { return format_decimal(fraction * 100.0, decimals) + "%"; }

std::string format_pounds(double pounds) {
  // Whole pounds always, never "£1.2m" beside "£473,693": one style a reader compares at a glance, and
  // the figure a finance team types into its own sheet.
  return (pounds < 0 && std::round(pounds) != 0 ? std::string(kMinus) : std::string()) + "\xC2\xA3" + format_whole(std::abs(pounds));
}

std::string count_of(double count, const std::string& singular, const std::string& plural) {
  std::string number = format_whole(count);
  return number + " " + (std::abs(std::round(count)) == 1 ? singular : plural);
}

std::string format_long_date(Date date) {
  std::chrono::year_month_day ymd{date};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " + kMonthNames[static_cast<unsigned>(ymd.month()) - 1] +
         " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string format_short_date(Date date) {
  std::chrono::year_month_day ymd{date};
  return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
         std::string(kMonthNames[static_cast<unsigned>(ymd.month()) - 1]).substr(0, 3) + " " +
         std::to_string(static_cast<int>(ymd.year()));
}

std::string format_month_year(Date date) {
  std::chrono::year_month_day ymd{date};
  return std::string(kMonthNames[static_cast<unsigned>(ymd.month()) - 1]) + " " + std::to_string(static_cast<int>(ymd.year()));
}

std::string format_ordinal(int number) {
  int last_two = std::abs(number) % 100, last = std::abs(number) % 10;
  const char* suffix = (last_two >= 11 && last_two <= 13) ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
  return std::to_string(number) + suffix;
}

std::string describe_days(double days) {
  // Whole days from 10 up: "mean 265.9 days" claims a precision no scenario has.
  std::string text = (days >= 10 ? format_whole(days) : format_trimmed(days, 1)) + (std::round(days * 10) == 10 ? " day" : " days");
  auto about = [](double amount, const char* unit) {
    std::string number = amount < 10 ? format_trimmed(amount, 1) : format_whole(amount);
    return " (about " + number + " " + unit + (number == "1" ? "" : "s") + ")";
  };
  if (days >= 2 * kDaysPerYear) return text + about(days / kDaysPerYear, "year");
  if (days >= 3 * kDaysPerMonth) return text + about(std::round(days / kDaysPerMonth), "month");
  if (days >= 14) return text + about(std::round(days / 7), "week");
  return text;
}

}  // namespace caseflow
