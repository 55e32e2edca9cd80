// The tables the CSV files are written from (and Python's DataFrames made from).

#include "caseflow/output/output_table.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

#include <gtest/gtest.h>

using namespace caseflow;

namespace {

using Kind = OutputTable::Kind;

std::string csv(const OutputTable& table) {
  std::ostringstream out;
  write_csv(table, out);
  return out.str();
}

}  // namespace

TEST(OutputTable, WritesTextDatesAndNumbersAsTheFilesHaveThem) {
  OutputTable table({{"date", Kind::date}, {"state", Kind::text}, {"mean", Kind::number}});
  table.date(*parse_iso_date("2020-11-02")).text("s20").number(12.5);
  table.date(*parse_iso_date("2020-12-02")).text("in_care").number(0.1 + 0.2);
  EXPECT_EQ(table.rows(), 2u);
  EXPECT_EQ(csv(table), "date,state,mean\n2020-11-02,s20,12.5\n2020-12-02,in_care,0.30000000000000004\n");
}

TEST(OutputTable, KeepsMinusZeroAsZeroAsTheFileWritesIt) {
  OutputTable table({{"x", Kind::number}});
  table.number(-0.0).number(std::nan(""));
  EXPECT_FALSE(std::signbit(table.columns()[0].numbers[0]));
  EXPECT_TRUE(std::isnan(table.columns()[0].numbers[1]));
  // The NaN is an empty cell; alone on its row it is written "" (csv_writer.hpp): a blank line would be
  // skipped by readers, and the row lost.
  EXPECT_EQ(csv(table), "x\n0\n\"\"\n");
}

TEST(OutputTable, AnEmptyTableIsItsHeader) {
  EXPECT_EQ(csv(OutputTable({{"a", Kind::text}, {"b", Kind::number}})), "a,b\n");
}

TEST(OutputTable, RejectsAValueOfTheWrongKindAndAnUnfinishedRow) {
  OutputTable table({{"a", Kind::text}, {"b", Kind::number}});
  EXPECT_THROW(table.number(1), std::logic_error);
  table.text("x");
  EXPECT_EQ(table.rows(), 0u);
  EXPECT_THROW(csv(table), std::logic_error);
  table.number(2);
  EXPECT_EQ(csv(table), "a,b\nx,2\n");
}
