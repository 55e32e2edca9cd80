// Figures as UK readers expect them, financial years, and HTML escaping.

#include <gtest/gtest.h>

#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_text.hpp"

using namespace caseflow;

namespace {
Date date(const char* iso) { return *parse_iso_date(iso); }
const std::string kMinus = "\xE2\x88\x92";
}  // namespace

TEST(UkFormat, NumbersHaveThousandsSeparatorsAndRoundHalfAwayFromZero) {
  EXPECT_EQ(format_whole(0), "0");
  EXPECT_EQ(format_whole(999), "999");
  EXPECT_EQ(format_whole(1234), "1,234");
  EXPECT_EQ(format_whole(1234567), "1,234,567");
  EXPECT_EQ(format_whole(999.5), "1,000");
  EXPECT_EQ(format_whole(82170), "82,170");
  EXPECT_EQ(format_decimal(1234.5, 1), "1,234.5");
  EXPECT_EQ(format_decimal(2.25, 1), "2.3");
  EXPECT_EQ(format_decimal(-3.25, 1), kMinus + "3.3");
  EXPECT_EQ(format_decimal(-0.04, 1), "0.0");  // never "−0.0"
  EXPECT_EQ(format_whole(-1500), kMinus + "1,500");
  EXPECT_EQ(format_trimmed(1.50, 2), "1.5");
  EXPECT_EQ(format_trimmed(2.0, 2), "2");
  EXPECT_EQ(format_trimmed(3650, 2), "3,650");
  EXPECT_EQ(format_percent(0.123), "12%");
  EXPECT_EQ(format_percent(0.5, 1), "50.0%");
}

TEST(UkFormat, MoneyInWholePoundsWhateverItsSize) {
  EXPECT_EQ(format_pounds(980), "\xC2\xA3" "980");
  EXPECT_EQ(format_pounds(51000), "\xC2\xA3" "51,000");
  EXPECT_EQ(format_pounds(999999.6), "\xC2\xA3" "1,000,000");
  EXPECT_EQ(format_pounds(1234567.4), "\xC2\xA3" "1,234,567");
  EXPECT_EQ(format_pounds(1.5e9), "\xC2\xA3" "1,500,000,000");
  EXPECT_EQ(format_pounds(-2.5e6), kMinus + "\xC2\xA3" "2,500,000");
  EXPECT_EQ(format_pounds(-0.4), "\xC2\xA3" "0");  // never "−£0"
}

TEST(UkFormat, CountsAgreeWithTheirNoun) {
  EXPECT_EQ(count_of(1, "child", "children"), "1 child");
  EXPECT_EQ(count_of(1.2, "child", "children"), "1 child");
  EXPECT_EQ(count_of(0, "child", "children"), "0 children");
  EXPECT_EQ(count_of(2, "child", "children"), "2 children");
  EXPECT_EQ(count_of(1500, "child-day", "child-days"), "1,500 child-days");
}

TEST(UkFormat, DatesInWords) {
  EXPECT_EQ(format_long_date(date("2022-03-31")), "31 March 2022");
  EXPECT_EQ(format_long_date(date("2020-11-02")), "2 November 2020");
  EXPECT_EQ(format_short_date(date("2020-11-02")), "2 Nov 2020");
  EXPECT_EQ(format_month_year(date("2024-02-29")), "February 2024");
  EXPECT_EQ(format_ordinal(1), "1st");
  EXPECT_EQ(format_ordinal(2), "2nd");
  EXPECT_EQ(format_ordinal(3), "3rd");
  EXPECT_EQ(format_ordinal(4), "4th");
  EXPECT_EQ(format_ordinal(11), "11th");
  EXPECT_EQ(format_ordinal(12), "12th");
  EXPECT_EQ(format_ordinal(13), "13th");
  EXPECT_EQ(format_ordinal(21), "21st");
  EXPECT_EQ(format_ordinal(22), "22nd");
  EXPECT_EQ(format_ordinal(31), "31st");
}

TEST(UkFormat, DaysWithASenseOfScale) {
  EXPECT_EQ(describe_days(1), "1 day");
  EXPECT_EQ(describe_days(2.5), "2.5 days");
  EXPECT_EQ(describe_days(10), "10 days");
  EXPECT_EQ(describe_days(45), "45 days (about 6 weeks)");
  EXPECT_EQ(describe_days(180), "180 days (about 6 months)");
  EXPECT_EQ(describe_days(265.9), "266 days (about 9 months)");
  EXPECT_EQ(describe_days(800), "800 days (about 2.2 years)");
  EXPECT_EQ(describe_days(3650), "3,650 days (about 10 years)");
}

TEST(FinancialYear, RunsFromAprilToMarch) {
  EXPECT_EQ(financial_year_of(date("2022-03-31")), 2021);
  EXPECT_EQ(financial_year_of(date("2022-04-01")), 2022);
  EXPECT_EQ(financial_year_of(date("2022-01-01")), 2021);
  EXPECT_EQ(financial_year_of(date("2021-12-31")), 2021);
  EXPECT_EQ(financial_year_start(2021), date("2021-04-01"));
  EXPECT_EQ(financial_year_end(2021), date("2022-03-31"));
  EXPECT_EQ(financial_year_label(2021), "2021/22");
  EXPECT_EQ(financial_year_label(1999), "1999/00");
  EXPECT_EQ(financial_year_label(2009), "2009/10");
}

TEST(HtmlText, EscapesEverythingThatCouldBeMarkup) {
  EXPECT_EQ(escape_html("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
  EXPECT_EQ(escape_html("plain text, £51,000"), "plain text, £51,000");
}
