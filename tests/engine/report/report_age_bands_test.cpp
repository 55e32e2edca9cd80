// The report's "Children in care by age" section: its table is age_bands_summary.csv of the same run, at the
// start and every twelve months, with the 90% range beside each average.

#include <map>

#include <gtest/gtest.h>

#include "cli_support.hpp"
#include "html_checker.hpp"
#include "report_tables.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

class ReportAgeBandsTest : public CliScratch {};

}  // namespace

TEST_F(ReportAgeBandsTest, TheTableIsAgeBandsSummaryCsvEveryTwelveMonths) {
  const std::string scenario = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json";
  auto outcome = caseflow("run " + scenario + " --replications 60 --seed 3 --threads 2 --out " + path("out") + " --report " +
                          path("report.html"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  std::unique_ptr<HtmlElement> root;
  ASSERT_NO_THROW(root = parse_html(read(dir_ / "report.html")));
  ASSERT_NE(root->find_id("by-age"), nullptr);
  EXPECT_NE(root->find_id("by-age")->all_text().find("Children in care by age"), std::string::npos);

  // date -> band -> mean, p05, p95 as the CSV writes them.
  std::map<std::string, std::map<std::string, std::vector<std::string>>> csv;
  std::vector<std::string> dates;
  auto rows = read_csv(dir_ / "out" / "age_bands_summary.csv");
  ASSERT_EQ(rows[0], (std::vector<std::string>{"date", "age_band", "mean", "p05", "p25", "p50", "p75", "p95"}));
  for (size_t i = 1; i < rows.size(); ++i) {
    if (dates.empty() || dates.back() != rows[i][0]) dates.push_back(rows[i][0]);
    csv[rows[i][0]][rows[i][1]] = {rows[i][2], rows[i][3], rows[i][7]};
  }
  ASSERT_EQ(dates.size(), 61u);  // Herefordshire's 60 months
  const std::vector<std::string> shown = {dates[0], dates[12], dates[24], dates[36], dates[48], dates[60]};
  auto table = table_values(*root, "table-by-age");
  std::vector<std::string> bands;
  for (const auto& [band, values] : table) {
    bands.push_back(band);
    ASSERT_EQ(values.size(), shown.size()) << band;
    for (size_t column = 0; column < shown.size(); ++column) EXPECT_EQ(values[column], csv[shown[column]][band][0]) << band;
  }
  // No child is in care at 18 or over in Herefordshire, so that band is left out.
  EXPECT_EQ(bands, (std::vector<std::string>{"0", "1-4", "5-9", "10-15", "16-17"}));
  for (const auto& [band, values] : csv[dates[0]]) {
    (void)values;
    if (band == "18+") EXPECT_EQ(csv[dates[0]][band][0], "0");
  }
}
