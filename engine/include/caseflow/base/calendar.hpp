#pragma once
// Calendar dates and the simulation clock.
//
// The simulation clock counts days (as a double) from 00:00 of the scenario's start date. Calendar
// facts that must be exact (snapshot dates, birthdays, financial years) are computed on whole days
// with std::chrono's civil calendar, never by multiplying years by 365.25.

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace caseflow {

using Date = std::chrono::sys_days;

// Strict ISO 8601 calendar date "YYYY-MM-DD"; nullopt if malformed or not a real day.
std::optional<Date> parse_iso_date(std::string_view text);
std::string format_iso_date(Date date);

// The same day of the month `months` later; a day that does not exist in the target month
// (31 January + 1 month) falls back to that month's last day.
Date add_months(Date date, int months);

// The day on which someone born on `birth` reaches `years` whole years. Someone born on 29 February
// has the birthday on 1 March in common years (as in England and Wales).
Date anniversary(Date birth, int years);
// The same from the birth date already split into year, month and day (faster when asked often).
Date anniversary(std::chrono::year_month_day birth, int years);

// Whole days from `from` to `to` (negative when `to` is earlier).
inline long days_between(Date from, Date to) { return (to - from).count(); }

}  // namespace caseflow
