#include "caseflow/base/calendar.hpp"

#include <gtest/gtest.h>

using namespace caseflow;

namespace {
Date date(const char* text) { return *parse_iso_date(text); }
}  // namespace

TEST(Calendar, ParsesAndFormatsIsoDates) {
  EXPECT_EQ(format_iso_date(date("2020-11-02")), "2020-11-02");
  EXPECT_FALSE(parse_iso_date("2020-02-30"));
  EXPECT_FALSE(parse_iso_date("2021-02-29"));
  EXPECT_TRUE(parse_iso_date("2024-02-29"));
  EXPECT_FALSE(parse_iso_date("2020-1-02"));
  EXPECT_FALSE(parse_iso_date("02/11/2020"));
}

TEST(Calendar, AddsCalendarMonthsClampingToMonthEnd) {
  EXPECT_EQ(format_iso_date(add_months(date("2020-11-02"), 1)), "2020-12-02");
  EXPECT_EQ(format_iso_date(add_months(date("2020-11-02"), 3)), "2021-02-02");
  EXPECT_EQ(format_iso_date(add_months(date("2020-01-31"), 1)), "2020-02-29");
  EXPECT_EQ(format_iso_date(add_months(date("2021-01-31"), 1)), "2021-02-28");
  EXPECT_EQ(format_iso_date(add_months(date("2020-11-02"), 60)), "2025-11-02");
}

TEST(Calendar, LeaplingsHaveTheirBirthdayOnFirstMarchInCommonYears) {
  EXPECT_EQ(format_iso_date(anniversary(date("2004-02-29"), 18)), "2022-03-01");
  EXPECT_EQ(format_iso_date(anniversary(date("2004-02-29"), 16)), "2020-02-29");
  EXPECT_EQ(format_iso_date(anniversary(date("2003-06-15"), 18)), "2021-06-15");
  EXPECT_EQ(days_between(date("2020-02-28"), date("2020-03-01")), 2);
}
