// Which collection year each episodes file is for: the latest year holding a quarter of its dates, so that one
// DEC of 1 April does not move a whole return to the next year, nor long stays pull a small one back a year; and a warning (report and `warnings`) when two files
// are for one year or a year between the first and the last has none.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "caseflow/ssda903/collection_years.hpp"
#include "caseflow/ssda903/ssda903_import.hpp"
#include "test_support.hpp"

using namespace caseflow;
using caseflow::testing::day;

namespace {

const std::string kEpisodesHeader = "CHILD,DECOM,RNE,LS,PLACE,DEC,REC\n";

// An episodes file for the collection year ending 31 March `year_end`: four children's episodes inside it,
// one long stay that began two years before it, and, when `stray_april`, one closed on the 1 April after it
// (a slip a council's system can make), which is the file's latest date.
CsvText year_file(int year_end, bool stray_april) {
  const std::string y0 = std::to_string(year_end - 1), y1 = std::to_string(year_end);
  std::string text = kEpisodesHeader;
  text += "L" + y1 + "," + "10/10/" + std::to_string(year_end - 3) + ",S,C2,U4,,\n";
  for (int child = 1; child <= 4; ++child)
    text += "C" + y1 + "_" + std::to_string(child) + ",0" + std::to_string(child) + "/05/" + y0 + ",S,C1,U4,1" +
            std::to_string(child) + "/01/" + y1 + ",E13\n";
  if (stray_april) text += "S" + y1 + ",15/03/" + y1 + ",S,V2,U6,01/04/" + y1 + ",E13\n";
  return {"episodes_" + y1 + ".csv", text};
}

std::vector<std::string> rules(const DataQualityReport& report) {
  std::vector<std::string> found;
  for (const auto& issue : report.issues())
    if (issue.rule.rfind("collection_year", 0) == 0) found.push_back(issue.file + ":" + std::to_string(issue.line) + ":" + issue.rule);
  return found;
}

}  // namespace

TEST(CollectionYears, AFileIsForTheLatestYearHoldingAQuarterOfItsDates) {
  std::vector<Date> dates = {day(2016, 10, 10), day(2019, 5, 1), day(2019, 12, 1), day(2020, 3, 31), day(2020, 4, 1)};
  EpisodesFileYear year = infer_collection_year("a.csv", dates);
  EXPECT_EQ(year.year_end, 2020);  // by its latest date it would be 2021
  EXPECT_EQ(year.dates_in_year, 3);
  EXPECT_EQ(year.dates, 5);
  // A tie goes to the later year.
  EXPECT_EQ(infer_collection_year("b.csv", {day(2019, 3, 31), day(2019, 4, 1)}).year_end, 2020);
  // A small return for 2019/20 whose long stays began in 2018/19: the later year holds two dates in five.
  EXPECT_EQ(infer_collection_year("c.csv", {day(2018, 9, 1), day(2018, 6, 15), day(2018, 12, 20), day(2020, 2, 1),
                                            day(2020, 1, 1)}).year_end, 2020);
  // Dates spread over many years, none holding a quarter: the year holding most.
  EXPECT_EQ(infer_collection_year("d.csv", {day(2012, 5, 1), day(2013, 5, 1), day(2014, 5, 1), day(2015, 5, 1), day(2016, 5, 1),
                                            day(2017, 5, 1), day(2017, 6, 1), day(2018, 5, 1)}).year_end, 2018);
  EXPECT_EQ(describe_collection_year(2020), "2019/20 (1 April 2019 to 31 March 2020)");
}

TEST(CollectionYears, ADecOfFirstAprilDoesNotMoveAReturnToTheNextYear) {
  DataQualityReport report;
  Ssda903Data data = import_ssda903(Ssda903Texts{{year_file(2019, true), year_file(2020, false)}, {}, {}}, report);
  ASSERT_EQ(data.episodes_file_years.size(), 2u);
  EXPECT_EQ(data.episodes_file_years[0].year_end, 2019);
  EXPECT_EQ(data.episodes_file_years[1].year_end, 2020);
  EXPECT_EQ(data.first_collection_year_start, day(2018, 4, 1));
  EXPECT_EQ(data.coverage_end, day(2020, 4, 1));
  EXPECT_TRUE(data.warnings.empty());
  EXPECT_TRUE(rules(report).empty());
}

TEST(CollectionYears, TwoFilesForOneYearAreReportedAndWarned) {
  DataQualityReport report;
  CsvText again = year_file(2020, false);
  again.name = "episodes_2020_copy.csv";
  Ssda903Data data = import_ssda903(Ssda903Texts{{year_file(2019, false), year_file(2020, false), again}, {}, {}}, report);
  EXPECT_EQ(rules(report), std::vector<std::string>{"episodes_2020_copy.csv:0:collection_year_shared"});
  ASSERT_EQ(data.warnings.size(), 1u);
  EXPECT_NE(data.warnings[0].find("episodes_2020_copy.csv: taken for the collection year 2019/20"), std::string::npos)
      << data.warnings[0];
  EXPECT_NE(data.warnings[0].find("which episodes_2020.csv is taken for too"), std::string::npos) << data.warnings[0];
}

TEST(CollectionYears, AYearWithoutAFileIsReportedAndWarned) {
  DataQualityReport report;
  Ssda903Data data = import_ssda903(Ssda903Texts{{year_file(2018, false), year_file(2021, false)}, {}, {}}, report);
  EXPECT_EQ(rules(report), (std::vector<std::string>{"episodes_2021.csv:0:collection_year_missing",
                                                      "episodes_2021.csv:0:collection_year_missing"}));
  ASSERT_EQ(data.warnings.size(), 2u);
  EXPECT_NE(data.warnings[0].find("no episodes file is for the collection year 2018/19"), std::string::npos) << data.warnings[0];
  EXPECT_NE(data.warnings[1].find("2019/20"), std::string::npos) << data.warnings[1];
  // The window still runs from the first year to the last.
  EXPECT_EQ(data.first_collection_year_start, day(2017, 4, 1));
  EXPECT_EQ(data.coverage_end, day(2021, 4, 1));
}
