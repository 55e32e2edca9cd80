#pragma once
// Numbers, money and dates written the way UK readers expect them: "1,234", "£1,234,567", "31 March 2022".
// For people, not for machines: the CSV outputs keep the exact values (number_format.hpp).

#include <string>

#include "caseflow/base/calendar.hpp"

namespace caseflow {

// Rounded to `decimals` places (half away from zero), thousands separated by commas, negatives with a
// real minus sign (U+2212, which screen readers say as "minus"): "1,234", "12.5", "−3".
std::string format_decimal(double value, int decimals);
inline std::string format_whole(double value) { return format_decimal(value, 0); }

// As format_decimal, with trailing zeros after the point dropped: 1.50 -> "1.5", 2.0 -> "2".
std::string format_trimmed(double value, int max_decimals);

// A fraction as a percentage: 0.123 -> "12%".
std::string format_percent(double fraction, int decimals = 0);

// Money in whole pounds, as UK reports write it: "£980", "£51,000", "£1,234,567", "−£2,500,000". One style
// for every amount, so a reader never weighs "£5.7m" against "£473,693".
std::string format_pounds(double pounds);

// A whole count with its noun agreeing: count_of(1, "child", "children") -> "1 child", 43 -> "43 children".
std::string count_of(double count, const std::string& singular, const std::string& plural);

// "31 March 2022", "2 Nov 2020", "March 2022".
std::string format_long_date(Date date);
std::string format_short_date(Date date);
std::string format_month_year(Date date);

// "1st", "2nd", "3rd", "4th", "11th", "22nd".
std::string format_ordinal(int number);

// A number of days with a sense of scale for people who think in weeks, months and years:
// "2.5 days", "10 days" (whole days from 10 up), "45 days (about 6 weeks)", "180 days (about 6 months)", "3,650 days (about 10 years)".
std::string describe_days(double days);

}  // namespace caseflow
