// The one CSV writer: RFC 4180 quoting, and text cells that a spreadsheet cannot run as formulas.

#include "caseflow/base/csv_writer.hpp"

#include <sstream>

#include <gtest/gtest.h>

#include "caseflow/base/csv_reader.hpp"

namespace {

using namespace caseflow;

TEST(CsvWriter, QuotesOnlyWhatNeedsIt) {
  EXPECT_EQ(csv_quoted("foster"), "foster");
  EXPECT_EQ(csv_quoted("a,b"), "\"a,b\"");
  EXPECT_EQ(csv_quoted("say \"no\""), "\"say \"\"no\"\"\"");
  EXPECT_EQ(csv_quoted("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_quoted("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(csv_quoted(" padded"), "\" padded\"");  // some readers trim unquoted spaces
  EXPECT_EQ(csv_quoted(""), "");
}

TEST(CsvWriter, TextThatASpreadsheetWouldRunGetsAnApostrophe) {
  for (const char* formula : {"=1+2", "+44 20", "-5", "@SUM(A1)", "\tTAB", "\rCR"})
    EXPECT_EQ(csv_neutralised(formula), std::string("'") + formula) << formula;
  for (const char* safe : {"foster", "1,5", "'already", " =not first", "a=b", ""})
    EXPECT_EQ(csv_neutralised(safe), safe) << safe;
  EXPECT_EQ(csv_text_cell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  EXPECT_EQ(csv_text_cell("-1,5"), "\"'-1,5\"");
}

TEST(CsvWriter, NumbersAndDatesAreWrittenAsTheyAre) {
  std::ostringstream out;
  CsvRowWriter csv(out);
  csv.text("-north").number("-12.5").number(-3).number("2020-11-02").text("a,b");
  csv.end_row();
  EXPECT_EQ(out.str(), "'-north,-12.5,-3,2020-11-02,\"a,b\"\n");
}

TEST(CsvWriter, ARowOfOneEmptyCellIsNotABlankLine) {
  std::ostringstream out;
  CsvRowWriter csv(out);
  csv.text("name");
  csv.end_row();
  csv.text("");
  csv.end_row("\r\n");
  csv.text("last");
  csv.end_row();
  EXPECT_EQ(out.str(), "name\n\"\"\r\nlast\n");
  const std::string text = out.str();
  detail::CsvReader reader(text);
  detail::CsvRecord record;
  std::vector<std::vector<std::string>> read;
  while (reader.next(record)) read.push_back(record.fields);
  EXPECT_EQ(read, (std::vector<std::vector<std::string>>{{"name"}, {""}, {"last"}}));
}

}  // namespace
