// The costs section of a run's report: its tables equal costs_summary.csv and budget.csv of the same
// run, its sentences quote them, and the Assumptions list every unit cost with its source.

#include <algorithm>
#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "caseflow/base/number_format.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/output/run_outputs.hpp"
#include "caseflow/report/report_run.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "cli_support.hpp"
#include "html_checker.hpp"
#include "report_tables.hpp"

namespace fs = std::filesystem;
using namespace caseflow;
using namespace caseflow::testing;

namespace {

const std::string kHerefordshire = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json";

class ReportCostsTest : public CliScratch {};

}  // namespace

TEST_F(ReportCostsTest, CostSectionEqualsCostsSummaryAndBudgetCsv) {
  auto outcome = caseflow("run " + kHerefordshire + " --replications 120 --seed 5 --threads 2 --out " + path("out") +
                          " --report " + path("report.html"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  std::string html = read(dir_ / "report.html");
  std::unique_ptr<HtmlElement> root;
  ASSERT_NO_THROW(root = parse_html(html));

  std::vector<std::string> sections;
  for (const HtmlElement* section : root->find_all("main")[0]->find_all("section")) sections.push_back(section->attribute("id"));
  EXPECT_EQ(sections, (std::vector<std::string>{"summary", "children-in-care", "range", "by-state", "by-placement", "by-age", "exits", "costs", "assumptions",
                                                "about", "data-tables"}));
  auto charts = root->find_id("costs")->find_all("svg");
  ASSERT_EQ(charts.size(), 1u);
  EXPECT_EQ(charts[0]->attribute("aria-labelledby"), "chart-costs-title chart-costs-desc");
  // A bar layer per kind of cost that costs anything, the band of the total and the budget in the legend.
  std::string legend = charts[0]->all_text();
  for (const char* entry : {"In-house foster care", "Special guardianship allowance", "Total: 90% of simulations", "Budget"})
    EXPECT_NE(legend.find(entry), std::string::npos) << entry;
  EXPECT_EQ(legend.find("Running costs of interventions"), std::string::npos);  // none in the baseline
  EXPECT_EQ(root->find_id("table-costs")->ancestor("section")->attribute("id"), "data-tables");
  // The heading of the yearly totals and their table are one block a printed page does not split (issue 17).
  const HtmlElement* totals_heading = nullptr;
  for (const HtmlElement* heading : root->find_id("costs")->find_all("h3"))
    if (heading->all_text() == "Total by financial year") totals_heading = heading;
  ASSERT_NE(totals_heading, nullptr);
  ASSERT_EQ(totals_heading->parent->name, "div");
  EXPECT_EQ(totals_heading->parent->attribute("class"), "keep-together");
  EXPECT_EQ(totals_heading->parent->find_all("table").size(), 1u);
  EXPECT_NE(html.find(".keep-together { break-inside: avoid; }"), std::string::npos);

  // Children by placement type: a stacked chart, and its table is placements_summary.csv's averages, every date and type.
  ASSERT_EQ(root->find_id("by-placement")->find_all("svg").size(), 1u);
  std::map<std::string, std::string> placement_means;  // "2021-03-02/ifa_foster" -> mean
  auto placements_csv = read_csv(dir_ / "out" / "placements_summary.csv");
  for (size_t i = 1; i < placements_csv.size(); ++i) placement_means[placements_csv[i][0] + "/" + placements_csv[i][1]] = placements_csv[i][2];
  const Scenario herefordshire = load_scenario(kHerefordshire);
  size_t placement_cells = 0, first_type = 0;  // the types in order, over tables of at most six columns
  for (int part = 1; root->find_id("table-by-placement-" + std::to_string(part)) != nullptr; ++part) {
    size_t columns = 0;
    for (const auto& [date, values] : table_values(*root, "table-by-placement-" + std::to_string(part))) {
      columns = values.size();
      ASSERT_LE(first_type + columns, herefordshire.placement_types.size()) << date;
      for (size_t t = 0; t < columns; ++t, ++placement_cells)
        EXPECT_EQ(values[t], placement_means[date + "/" + herefordshire.placement_types[first_type + t].id]) << date;
    }
    first_type += columns;
  }
  EXPECT_EQ(first_type, herefordshire.placement_types.size());
  EXPECT_EQ(placement_cells, placement_means.size());

  // Every financial-year row of costs_summary.csv, and nothing else, in the data table.
  std::map<std::string, std::vector<std::string>> summary;  // "2021/22/in_house_foster" -> mean, p05, ..., p95
  auto csv = read_csv(dir_ / "out" / "costs_summary.csv");
  ASSERT_EQ(csv[0], (std::vector<std::string>{"period_type", "period", "category", "mean", "p05", "p25", "p50", "p75", "p95"}));
  size_t year_rows = 0;
  for (size_t i = 1; i < csv.size(); ++i) {
    // Each row says its kind, and the label agrees: "2021-04" a calendar month, "2021/22" a financial year.
    EXPECT_EQ(csv[i][0], csv[i][1].find('/') == std::string::npos ? "month" : "financial_year") << csv[i][1];
    if (csv[i][0] != "financial_year") continue;
    summary[csv[i][1] + "/" + csv[i][2]] = std::vector<std::string>(csv[i].begin() + 3, csv[i].end());
    ++year_rows;
  }
  auto rows = table_values(*root, "table-costs");
  ASSERT_EQ(rows.size(), year_rows);
  ASSERT_EQ(rows.size(), 6u * (8 + 3 + 1 + 2));  // 2020/21..2025/26: 8 placement types, 3 allowances, running costs, total, per child-year
  for (const auto& [key, values] : rows) {
    ASSERT_TRUE(summary.count(key)) << key;
    EXPECT_EQ(values, summary[key]) << key;
  }

  // The totals table: the total's mean and 90% band, the cost per child-year, and budget.csv.
  std::map<std::string, std::vector<std::string>> budgets;
  auto budget_csv = read_csv(dir_ / "out" / "budget.csv");
  ASSERT_EQ(budget_csv.size(), 3u);
  for (size_t i = 1; i < budget_csv.size(); ++i) budgets[budget_csv[i][0]] = budget_csv[i];
  auto totals = table_values(*root, "table-cost-totals");
  ASSERT_EQ(totals.size(), 6u);
  for (const auto& [year, values] : totals) {
    const auto& total = summary[year + "/total"];
    ASSERT_GE(values.size(), 4u) << year;
    EXPECT_EQ(values[0], total[0]) << year;
    EXPECT_EQ(values[1], total[1]) << year;
    EXPECT_EQ(values[2], total[5]) << year;
    EXPECT_EQ(values[3], summary[year + "/cost_per_child_year"][0]) << year;
    if (budgets.count(year)) {
      ASSERT_EQ(values.size(), 6u) << year;
      EXPECT_EQ(values[4], budgets[year][1]) << year;
      EXPECT_EQ(values[5], budgets[year][3]) << year;
    } else {
      EXPECT_EQ(values.size(), 4u) << year;
    }
  }

  // The sentences quote budget.csv in pounds and percent.
  std::string text = root->find_id("costs")->all_text();
  for (const auto& [year, row] : budgets) {
    std::string sentence = "In " + year + " the expected cost is " + format_pounds(std::stod(row[2])) + " against a budget of " +
                           format_pounds(std::stod(row[1]));
    EXPECT_NE(text.find(sentence), std::string::npos) << sentence << "\n" << text;
    std::string chance = format_percent(std::stod(row[3])) + " of simulations overspend it";
    EXPECT_NE(text.find(chance), std::string::npos) << chance;
  }
  EXPECT_NE(text.find("in 2021/22 a year of a child in care costs " + format_pounds(std::stod(summary["2021/22/cost_per_child_year"][0]))),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("2020/21 (5 months)"), std::string::npos);
  // Why the cost of a child-year moves (the mix), and which way it goes from the first whole year to the last.
  EXPECT_NE(text.find("The cost of a child-year follows the mix of placements"), std::string::npos) << text;
  const double first = std::stod(summary["2021/22/cost_per_child_year"][0]), last = std::stod(summary["2024/25/cost_per_child_year"][0]);
  EXPECT_NE(text.find(std::string(last > first ? " rises" : " falls") + " from " + format_pounds(first) + " in 2021/22 to " +
                      format_pounds(last) + " in 2024/25."),
            std::string::npos)
      << text;

  // The Assumptions: unit costs, allowances and budgets with their notes.
  Scenario scenario = load_scenario(kHerefordshire);
  auto types = table_values(*root, "table-placement-types");
  ASSERT_EQ(types.size(), scenario.placement_types.size());
  for (size_t t = 0; t < types.size(); ++t) {
    EXPECT_EQ(types[t].first, scenario.placement_types[t].id);
    EXPECT_EQ(types[t].second[0], format_number(scenario.placement_types[t].weekly_cost));
  }
  std::string assumptions = root->find_id("assumptions")->all_text();
  EXPECT_NE(assumptions.find("PSSRU Unit Costs of Health and Social Care 2017"), std::string::npos);
  EXPECT_EQ(table_values(*root, "table-allowances").size(), scenario.costs.allowances.size());
  auto budget_lines = table_values(*root, "table-budgets");
  ASSERT_EQ(budget_lines.size(), 2u);
  EXPECT_EQ(budget_lines[0].first, "2021/22");
  EXPECT_EQ(budget_lines[0].second[0], "17136000");
  EXPECT_NE(root->find_id("table-budgets")->all_text().find("336 children x \xC2\xA3" "51,000"), std::string::npos);
}

TEST(ReportCosts, RunWithoutCostsHasNoCostSection) {
  Scenario scenario = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json");
  ASSERT_TRUE(scenario.placement_types.empty());
  Simulation simulation(scenario);
  RunOptions options;
  options.replications = 5;
  std::string html = render_report(scenario, run_replications(simulation, options));
  EXPECT_EQ(html.find("id=\"costs\""), std::string::npos);
  EXPECT_EQ(html.find("table-placement-types"), std::string::npos);
}
