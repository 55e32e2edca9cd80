// The order of day and month in a return's slashed dates, told from the dates themselves (issue 16).

#include "caseflow/ssda903/date_order.hpp"

#include <gtest/gtest.h>

#include "caseflow/base/input_error.hpp"
#include "caseflow/ssda903/dropped_rows.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "test_support.hpp"

using namespace caseflow;
using caseflow::testing::day;

namespace {

DateOrderClues clues_of(const std::vector<std::string>& dates) {
  DateOrderClues clues;
  int line = 2;
  for (const auto& date : dates) clues.add(date, line++, "DECOM");
  return clues;
}

}  // namespace

TEST(DateOrder, ADayAbove12InEitherFieldTellsTheOrder) {
  EXPECT_EQ(clues_of({"01/04/2018", "13/04/2018"}).shown(), DateOrder::day_first);
  EXPECT_EQ(clues_of({"01/04/2018", "04/13/2018"}).shown(), DateOrder::month_first);
  EXPECT_EQ(clues_of({"13/04/2018", "04/13/2018"}).shown(), std::nullopt) << "both orders in one file";
  const DateOrderClues unknown = clues_of({"05/05/2018", "2018-04-13", "not a date", "04/05/2018 00:00:00", "01/04/2018"});
  EXPECT_EQ(unknown.shown(), std::nullopt);
  ASSERT_TRUE(unknown.ambiguous.has_value());
  EXPECT_EQ(unknown.ambiguous->line, 5) << "05/05 reads the same either way; an ISO date has no such question";
  EXPECT_EQ(parse_ssda903_date("04/13/2018", DateOrder::month_first), day(2018, 4, 13));
  EXPECT_EQ(parse_ssda903_date("13/04/2018", DateOrder::month_first), std::nullopt);
  EXPECT_EQ(parse_ssda903_date("2018-04-13", DateOrder::month_first), day(2018, 4, 13));
}

TEST(DateOrder, AFileThatDoesNotSayTakesTheOrderTheOthersAgreeOn) {
  const std::vector<std::string> files{"e.csv", "h.csv", "u.csv"};
  EXPECT_EQ(decide_date_orders(files, {clues_of({"04/13/2018"}), clues_of({"04/05/2010"}), clues_of({})}, std::nullopt),
            (std::vector<DateOrder>{DateOrder::month_first, DateOrder::month_first, DateOrder::day_first}));
  // Stated, the order is used for every file whatever the dates say.
  EXPECT_EQ(decide_date_orders(files, {clues_of({"04/13/2018"}), clues_of({"04/05/2010"}), clues_of({})}, DateOrder::day_first),
            (std::vector<DateOrder>(3, DateOrder::day_first)));
  try {
    decide_date_orders(files, {clues_of({"13/04/2018"}), clues_of({"01/01/2010", "04/05/2010"}), clues_of({"04/13/2018"})},
                       std::nullopt);
    FAIL() << "read by guesswork";
  } catch (const InputError& error) {
    EXPECT_EQ(error.source(), "h.csv");
    EXPECT_EQ(error.place(), "line 3");
    EXPECT_EQ(error.message(), "DECOM \"04/05/2010\" could be read day first or month first, and the other files disagree "
                               "(some show day first, some month first): state the order (caseflow calibrate --date-order "
                               "dmy, the SSDA903 format, or mdy)");
  }
}

// A US-locale return reads as the same episodes as the UK one; nothing is dropped.
TEST(DateOrder, AMonthFirstReturnReadsTheSameEpisodes) {
  const Ssda903Texts uk{{{"e.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\nA,13/01/2019,C2,U4,01/03/2019,E11\nB,02/03/2019,C2,U4,,\n"}},
                        {{"h.csv", "CHILD,DOB\nA,01/02/2010\nB,03/04/2011\n"}},
                        {}};
  const Ssda903Texts us{{{"e.csv", "CHILD,DECOM,LS,PLACE,DEC,REC\nA,01/13/2019,C2,U4,03/01/2019,E11\nB,03/02/2019,C2,U4,,\n"}},
                        {{"h.csv", "CHILD,DOB\nA,02/01/2010\nB,04/03/2011\n"}},
                        {}};
  DataQualityReport uk_report, us_report;
  const Ssda903Data from_uk = import_ssda903(uk, uk_report), from_us = import_ssda903(us, us_report);
  ASSERT_EQ(from_us.episodes.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(from_us.episodes[i].start, from_uk.episodes[i].start);
    EXPECT_EQ(from_us.episodes[i].end, from_uk.episodes[i].end);
  }
  EXPECT_EQ(from_us.episodes[1].start, day(2019, 3, 2));
  EXPECT_EQ(from_us.children.at("B").birth, day(2011, 4, 3));
  EXPECT_EQ(from_us.rows_read, 4u);
  EXPECT_EQ(unreadable_rows(us_report), 0u);
  EXPECT_NO_THROW(refuse_many_unreadable_rows(from_us, us_report));
}
