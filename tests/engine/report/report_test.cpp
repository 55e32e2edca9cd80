// The HTML report of a run: well-formed, every section present, self-contained, user text escaped,
// and its tables equal to the CSV files of the same run and seed.

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/number_format.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/output/run_outputs.hpp"
#include "caseflow/report/report_run.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/stats/summary.hpp"
#include "html_checker.hpp"
#include "report_tables.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace caseflow;
using namespace caseflow::testing;

namespace {

const std::vector<std::string> kSectionIds = {"summary", "children-in-care", "range", "by-state", "by-age", "exits", "assumptions", "about",
                                              "data-tables"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

json example_with_comparators() {
  json document = load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json");
  document["comparators"] = {{{"id", "region"}, {"label", "Region"}, {"count", 130}, {"note", "illustrative"}},
                             {{"id", "england"}, {"label", "England"}, {"count", 100}},
                             {{"id", "neighbours"}, {"count", 95}}};
  return document;
}

class ReportTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("caseflow-report-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    scenario_ = dir_ / "scenario.json";
    std::ofstream(scenario_) << example_with_comparators().dump(2);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::pair<int, std::string> caseflow(const std::string& arguments) {
    std::string command = std::string(CASEFLOW_CLI_PATH) + " " + arguments + " >" + (dir_ / "stdout").string() + " 2>" +
                          (dir_ / "stderr").string();
    int status = std::system(command.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, read_file(dir_ / "stderr")};
  }

  fs::path dir_, scenario_;
};

}  // namespace

TEST_F(ReportTest, ReportOfARunIsWellFormedWithEverySectionAndEqualsItsCsvFiles) {
  const int replications = 200;
  fs::path out = dir_ / "out", report = dir_ / "report.html";
  auto [code, err] = caseflow("run " + scenario_.string() + " --replications 200 --seed 7 --threads 2 --per-replication --out " +
                              out.string() + " --report " + report.string());
  ASSERT_EQ(code, 0) << err;
  std::string html = read_file(report);
  std::unique_ptr<HtmlElement> root;
  ASSERT_NO_THROW(root = parse_html(html)) << [&] {
    try {
      parse_html(html);
    } catch (const HtmlError& error) {
      return std::string(error.what());
    }
    return std::string();
  }();
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(root->find_all("html")[0]->attribute("lang"), "en-GB");
  EXPECT_EQ(root->find_all("h1").size(), 1u);
  EXPECT_EQ(root->find_all("h1")[0]->all_text(), "Worked example: a small council");

  // Every section, in order, with a real heading and a link in the contents.
  std::vector<std::string> section_ids, links;
  for (const HtmlElement* section : root->find_all("main")[0]->find_all("section")) {
    section_ids.push_back(section->attribute("id"));
    const HtmlElement* heading = section->find_all("h2")[0];
    EXPECT_FALSE(heading->all_text().empty());
    EXPECT_EQ(heading->attribute("id"), section->attribute("id") + "-heading");
    EXPECT_EQ(section->attribute("aria-labelledby"), heading->attribute("id"));
  }
  EXPECT_EQ(section_ids, kSectionIds);
  for (const HtmlElement* link : root->find_all("nav")[0]->find_all("a")) links.push_back(link->attribute("href"));
  ASSERT_EQ(links.size(), kSectionIds.size());
  for (size_t i = 0; i < links.size(); ++i) EXPECT_EQ(links[i], "#" + kSectionIds[i]);

  // Three charts, each an accessible image whose caption links to its data table under "Data tables".
  auto charts = root->find_all("svg");
  ASSERT_EQ(charts.size(), 3u);
  const std::vector<std::string> chart_tables = {"#table-in-care", "#table-by-state-1", "#table-exits"};
  for (size_t c = 0; c < charts.size(); ++c) {
    const HtmlElement* chart = charts[c];
    EXPECT_EQ(chart->attribute("role"), "img");
    EXPECT_EQ(chart->find_all("title").size(), 1u);
    EXPECT_FALSE(chart->find_all("desc")[0]->all_text().empty());
    ASSERT_NE(chart->ancestor("figure"), nullptr);
    auto links = chart->ancestor("figure")->find_all("a");
    ASSERT_EQ(links.size(), 1u);
    EXPECT_EQ(links[0]->attribute("href"), chart_tables[c]);
    const HtmlElement* table = root->find_id(chart_tables[c].substr(1));
    ASSERT_NE(table, nullptr);
    EXPECT_EQ(table->name, "table");
    EXPECT_EQ(table->ancestor("section")->attribute("id"), "data-tables");
  }
  // Three dashed comparator lines in the fan chart, labelled.
  std::string fan = html.substr(html.find("<svg"), html.find("</svg>") - html.find("<svg"));
  auto fan_lines = charts[0]->find_all("line");
  EXPECT_EQ(std::count_if(fan_lines.begin(), fan_lines.end(), [](const HtmlElement* line) { return line->has("stroke-dasharray"); }), 3);
  EXPECT_NE(fan.find(">Region: 130<"), std::string::npos);

  // Self-contained: nothing to fetch, nothing to run.
  for (const char* forbidden : {"<script", "<link", "<img", "<iframe", "src=", "@import", "http://", "https://"})
    EXPECT_EQ(html.find(forbidden), std::string::npos) << forbidden;
  for (size_t at = html.find("url("); at != std::string::npos; at = html.find("url(", at + 1)) EXPECT_EQ(html[at + 4], '#');

  // The fan chart's table is summary.csv's in_care rows; the by-state table its mean column.
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> summary;
  auto summary_rows = read_csv(out / "summary.csv");
  ASSERT_EQ(summary_rows[0], (std::vector<std::string>{"date", "state", "mean", "p05", "p25", "p50", "p75", "p95"}));
  for (size_t i = 1; i < summary_rows.size(); ++i)
    summary[{summary_rows[i][0], summary_rows[i][1]}] = std::vector<std::string>(summary_rows[i].begin() + 2, summary_rows[i].end());
  auto in_care = table_values(*root, "table-in-care");
  ASSERT_EQ(in_care.size(), 37u);
  for (const auto& [date, values] : in_care) EXPECT_EQ(values, (summary[{date, "in_care"}])) << date;
  const std::vector<std::string> states = {"ico", "plan_sgo", "placed_with_parents", "long_term_foster", "section20", "in_care"};
  auto by_state = table_values(*root, "table-by-state-1");  // six columns fit one table
  EXPECT_EQ(root->find_id("table-by-state-2"), nullptr);
  ASSERT_EQ(by_state.size(), 37u);
  for (const auto& [date, values] : by_state) {
    ASSERT_EQ(values.size(), states.size());
    for (size_t s = 0; s < states.size(); ++s) EXPECT_EQ(values[s], (summary[{date, states[s]}][0])) << date << " " << states[s];
  }

  // Exits per financial year: means add up flows_summary.csv's months; percentiles are those of each
  // simulation's total from flows.csv.
  std::map<std::string, double> monthly_mean_sum;                    // "year/route"
  std::map<std::string, std::vector<double>> per_replication_totals;  // "year/route" -> by replication
  const std::set<std::string> exits = {"sgo", "reunification", "aged_18"};
  auto flows_summary = read_csv(out / "flows_summary.csv");
  for (size_t i = 1; i < flows_summary.size(); ++i) {
    const auto& row = flows_summary[i];
    if (!exits.count(row[2])) continue;
    std::string year = std::to_string(financial_year_of(*parse_iso_date(row[0])));
    monthly_mean_sum[year + "/" + row[2]] += std::stod(row[3]);
    monthly_mean_sum[year + "/all"] += std::stod(row[3]);
  }
  auto flows = read_csv(out / "flows.csv");
  for (size_t i = 1; i < flows.size(); ++i) {
    const auto& row = flows[i];
    if (!exits.count(row[3])) continue;
    std::string year = std::to_string(financial_year_of(*parse_iso_date(row[1])));
    size_t r = std::stoul(row[0]);
    for (const std::string& key : {year + "/" + row[3], year + "/all"}) {
      auto& totals = per_replication_totals[key];
      totals.resize(replications, 0.0);
      totals[r] += std::stod(row[4]);
    }
  }
  auto exit_rows = table_values(*root, "table-exits");
  ASSERT_EQ(exit_rows.size(), 4u * 4u);  // 2020-21 .. 2023-24, three routes and all
  EXPECT_EQ(exit_rows.front().first, "2020/sgo");
  EXPECT_EQ(exit_rows.back().first, "2023/all");
  for (const auto& [key, values] : exit_rows) {
    ASSERT_EQ(values.size(), 4u) << key;
    EXPECT_NEAR(std::stod(values[0]), monthly_mean_sum[key], 1e-9 * std::max(1.0, monthly_mean_sum[key])) << key;
    std::vector<double> totals = per_replication_totals[key];
    totals.resize(replications, 0.0);
    std::sort(totals.begin(), totals.end());
    for (size_t q = 0; q < kFlowQuantiles.size(); ++q) EXPECT_EQ(values[q + 1], format_number(quantile_sorted(totals, kFlowQuantiles[q]))) << key;
  }
  EXPECT_NE(root->find_id("exits")->all_text().find("2020/21 (5 months)"), std::string::npos);
  EXPECT_NE(root->find_id("exits")->all_text().find("2023/24 (7 months)"), std::string::npos);

  // The comparator table: the share of simulations at or below each level on 31 March (counted on
  // 2 April, the nearest month start) and at the end, from stocks.csv.
  std::map<std::string, std::vector<double>> in_care_by_date;
  auto stocks = read_csv(out / "stocks.csv");
  for (size_t i = 1; i < stocks.size(); ++i)
    if (stocks[i][2] == "in_care") in_care_by_date[stocks[i][1]].push_back(std::stod(stocks[i][3]));
  const std::vector<std::string> moments = {"2021-04-02", "2022-04-02", "2023-04-02", "2023-11-02"};
  const std::vector<double> levels = {130, 100, 95};
  const std::vector<std::string> comparator_ids = {"region", "england", "neighbours"};
  auto comparator_rows = table_values(*root, "table-comparators");
  ASSERT_EQ(comparator_rows.size(), moments.size());
  for (size_t m = 0; m < moments.size(); ++m) {
    EXPECT_EQ(comparator_rows[m].first, moments[m]);
    ASSERT_EQ(comparator_rows[m].second.size(), levels.size());
    const auto& counts = in_care_by_date[moments[m]];
    ASSERT_EQ(counts.size(), static_cast<size_t>(replications));
    for (size_t c = 0; c < levels.size(); ++c) {
      double share = std::count_if(counts.begin(), counts.end(), [&](double n) { return n <= levels[c]; }) / double(replications);
      EXPECT_EQ(comparator_rows[m].second[c], format_number(share)) << comparator_ids[c] << " " << moments[m];
    }
  }
  EXPECT_NE(root->find_id("table-comparators")->find_all("thead")[0]->all_text().find("neighbours: 95"), std::string::npos);
  EXPECT_NE(root->find_id("table-comparators")->find_all("tbody")[0]->all_text().find("31 March 2022"), std::string::npos);

  // The plain-language summary quotes summary.csv's 5th and 95th percentiles, rounded to whole children.
  std::string summary_text = root->find_id("summary")->all_text();
  const std::vector<std::pair<std::string, std::string>> named = {
      {"2021-04-02", "31 March 2021"}, {"2022-04-02", "31 March 2022"}, {"2023-04-02", "31 March 2023"}, {"2023-11-02", "2 November 2023"}};
  for (const auto& [date, name] : named) {
    const auto& row = summary[{date, "in_care"}];
    std::string sentence = "In 90% of simulations, between " + format_whole(std::stod(row[1])) + " and " +
                           format_whole(std::stod(row[5])) + " children are in care on " + name;
    EXPECT_NE(summary_text.find(sentence), std::string::npos) << sentence << "\n" << summary_text;
  }
  const auto& start = in_care_by_date["2020-11-02"];
  const auto& end = in_care_by_date["2023-11-02"];
  long fewer = 0;
  for (size_t r = 0; r < start.size(); ++r) fewer += end[r] < start[r];
  std::string expected_chance = "than at the start" + format_percent(fewer / double(replications));
  EXPECT_NE(summary_text.find(expected_chance), std::string::npos) << expected_chance << "\n" << summary_text;
  EXPECT_NE(summary_text.find("count at midnight on the nearest month start: 2 April 2021, 2 April 2022, 2 April 2023"),
            std::string::npos);

  // Assumptions in words, with their sources.
  const HtmlElement* transitions = root->find_id("table-transitions");
  ASSERT_NE(transitions, nullptr);
  auto rows = transitions->find_all("tbody")[0]->find_all("tr");
  ASSERT_EQ(rows.size(), 8u);
  EXPECT_NE(rows[0]->all_text().find("Weibull, shape 2, scale 300 days; mean 266 days (about 9 months)"), std::string::npos)
      << rows[0]->all_text();
  EXPECT_NE(rows[0]->all_text().find("assumption: proceedings last about 26 weeks"), std::string::npos);
  EXPECT_NE(rows[7]->all_text().find("exponential, mean 900 days (about 2.5 years)"), std::string::npos) << rows[7]->all_text();
  EXPECT_NE(rows[5]->all_text().find("under 12"), std::string::npos) << rows[5]->all_text();
  EXPECT_NE(root->find_id("table-arrivals")->all_text().find("under 1: 40%, 1\xE2\x80\x93" "4: 30%, 5\xE2\x80\x93" "9: 15%, 10\xE2\x80\x93" "15: 15%"),
            std::string::npos);
  EXPECT_NE(root->find_id("table-initial")->all_text().find("All children113"), std::string::npos);
  EXPECT_NE(root->find_id("table-comparator-sources")->all_text().find("Region130illustrative"), std::string::npos);
  EXPECT_NE(root->find_id("about")->all_text().find("caseflow run " + scenario_.string() + " --replications 200 --seed 7 --uncertainty all."),
            std::string::npos);

  // The scenario states no uncertainty: a notice at the top says the band holds chance alone, and all of the spread
  // on each 31 March and at the end is chance (the lower layers the command ran are chance itself).
  auto notices = root->find_all("header")[0]->find_all("div");
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_NE(notices[0]->all_text().find("This forecast's range holds chance alone."), std::string::npos);
  auto range = table_values(*root, "table-range-sources");
  ASSERT_EQ(range.size(), moments.size());
  for (size_t m = 0; m < moments.size(); ++m) {
    EXPECT_EQ(range[m].first, moments[m]);
    EXPECT_EQ(range[m].second, (std::vector<std::string>{summary[{moments[m], "in_care"}][1], summary[{moments[m], "in_care"}][5], "1"}));
  }
}

TEST_F(ReportTest, ReportCommandGivesTheSameReportAsRunAtAnyThreadCount) {
  fs::path a = dir_ / "a.html", b = dir_ / "nested" / "b.html";
  auto [code_a, err_a] = caseflow("report " + scenario_.string() + " --replications 40 --seed 3 --threads 1 -o " + a.string());
  ASSERT_EQ(code_a, 0) << err_a;
  auto [code_b, err_b] = caseflow("run " + scenario_.string() + " --replications 40 --seed 3 --threads 2 --out " +
                                  (dir_ / "out").string() + " --report " + b.string());
  ASSERT_EQ(code_b, 0) << err_b;
  std::string first = read_file(a);
  EXPECT_GT(first.size(), 10000u);
  EXPECT_EQ(first, read_file(b));
  // No temporary files are left beside the report.
  for (const auto& entry : fs::directory_iterator(dir_ / "nested")) EXPECT_EQ(entry.path().filename(), "b.html");
}

TEST_F(ReportTest, BadInputExitsTwoAndWritesNothing) {
  auto [no_output, err] = caseflow("report " + scenario_.string());
  EXPECT_EQ(no_output, 2);
  EXPECT_NE(err.find("--out FILE.html is required"), std::string::npos) << err;

  fs::create_directories(dir_ / "folder");
  auto [to_folder, folder_err] = caseflow("report " + scenario_.string() + " --replications 2 -o " + (dir_ / "folder").string());
  EXPECT_EQ(to_folder, 2);
  EXPECT_NE(folder_err.find("--out must name a file"), std::string::npos) << folder_err;

  json document = example_with_comparators();
  document["comparators"][1]["count"] = -1;
  fs::path bad = dir_ / "bad.json";
  std::ofstream(bad) << document.dump(2);
  auto [bad_code, bad_err] = caseflow("report " + bad.string() + " -o " + (dir_ / "r.html").string());
  EXPECT_EQ(bad_code, 2);
  EXPECT_NE(bad_err.find(bad.string() + ": /comparators/1/count: must be >= 0"), std::string::npos) << bad_err;
  EXPECT_FALSE(fs::exists(dir_ / "r.html"));
  auto [run_code, run_err] = caseflow("run " + bad.string() + " --out " + (dir_ / "o").string() + " --report " + (dir_ / "new" / "r.html").string());
  EXPECT_EQ(run_code, 2);
  EXPECT_FALSE(fs::exists(dir_ / "new"));
  EXPECT_FALSE(fs::exists(dir_ / "o"));
  EXPECT_EQ(caseflow("report " + scenario_.string() + " --replication 5 -o x.html").first, 2);
}

TEST(Report, EscapesEverythingTheScenarioSays) {
  json document = example_with_comparators();
  const std::string name = "Council <script>alert(\"x\")</script> & 'Co'";
  document["name"] = name;
  document["note"] = "a < b & c > d";
  document["states"][0]["label"] = "<b>ICO</b>";
  document["transitions"][0]["note"] = "<img src=x onerror=alert(1)>";
  document["comparators"][0]["label"] = "<i>Region</i>";
  Scenario scenario = scenario_from_json(document);
  std::string html = render_report(scenario, run(document, 5), {"<file>.json"});
  std::unique_ptr<HtmlElement> root;
  ASSERT_NO_THROW(root = parse_html(html));
  for (const char* tag : {"script", "b", "i", "img"}) EXPECT_TRUE(root->find_all(tag).empty()) << tag;
  EXPECT_EQ(root->find_all("h1")[0]->all_text(), name);
  EXPECT_EQ(root->find_all("title")[0]->all_text(), name);
  EXPECT_NE(root->find_id("assumptions")->all_text().find("a < b & c > d"), std::string::npos);
  EXPECT_NE(root->find_id("table-transitions")->all_text().find("<img src=x onerror=alert(1)>"), std::string::npos);
  EXPECT_NE(root->find_id("table-states")->all_text().find("<b>ICO</b>"), std::string::npos);
  EXPECT_NE(root->find_id("table-comparators")->all_text().find("<i>Region</i>"), std::string::npos);
}

TEST(Report, ScenarioWithoutExitsOrComparatorsHasNoSectionsForThem) {
  json document = scenario_skeleton(6, "2021-01-01");
  document["states"] = {{{"id", "care"}}};
  document["initial_population"] = {{{"state", "care"}, {"count", 10}, {"age_years", {{"5-9", 1.0}}}}};
  document["arrivals"] = {{{"state", "care"}, {"per_year", 12}, {"age_years", {{"0", 1.0}}}}};
  Scenario scenario = scenario_from_json(document);
  std::string html = render_report(scenario, run(document, 10));
  auto root = parse_html(html);
  EXPECT_EQ(root->find_id("exits"), nullptr);
  EXPECT_EQ(root->find_id("table-comparators"), nullptr);
  EXPECT_EQ(html.find("stroke-dasharray"), std::string::npos);
  EXPECT_EQ(html.find("href=\"#exits\""), std::string::npos);
  EXPECT_NE(root->find_id("summary"), nullptr);
  // Six months from 1 January hold one 31 March, counted exactly at midnight on 1 April.
  EXPECT_NE(root->find_id("summary")->all_text().find("children are in care on 31 March 2021"), std::string::npos);
  EXPECT_EQ(html.find("nearest month start"), std::string::npos);
  EXPECT_EQ(root->find_all("svg").size(), 2u);
}

TEST(Report, YearEndsAreTheMonthStartsNearestMidnightAfter31March) {
  auto year_ends = [](const std::string& start, int months) {
    json document = scenario_skeleton(months, start);
    document["states"] = {{{"id", "care"}}};
    return year_end_snapshots(OutputLayout::for_scenario(scenario_from_json(document)));
  };
  auto from_april = year_ends("2021-04-01", 24);  // the start itself is not a year end
  ASSERT_EQ(from_april.size(), 2u);
  EXPECT_EQ(from_april[0].financial_year, 2021);
  EXPECT_EQ(from_april[0].year_end, *parse_iso_date("2022-03-31"));
  EXPECT_EQ(from_april[0].snapshot, 12u);
  EXPECT_EQ(from_april[1].snapshot, 24u);
  auto herefordshire = year_ends("2020-11-02", 60);
  ASSERT_EQ(herefordshire.size(), 5u);
  for (size_t i = 0; i < 5; ++i) EXPECT_EQ(herefordshire[i].snapshot, 5 + 12 * i);
  EXPECT_EQ(herefordshire[4].year_end, *parse_iso_date("2025-03-31"));
  // From the 17th: 17 March is 15 days before 1 April and 17 April 16 days after.
  auto from_17th = year_ends("2021-03-17", 14);
  ASSERT_EQ(from_17th.size(), 1u);
  EXPECT_EQ(from_17th[0].year_end, *parse_iso_date("2022-03-31"));
  EXPECT_EQ(from_17th[0].snapshot, 12u);
  auto from_16th = year_ends("2021-03-16", 14);
  ASSERT_EQ(from_16th.size(), 2u);
  EXPECT_EQ(from_16th[0].snapshot, 1u);  // 16 April 2021, 15 days after
  EXPECT_TRUE(year_ends("2020-11-02", 4).empty());  // ends on 2 March, 30 days short
}

TEST(Report, RejectsResultsFromAnotherScenario) {
  json small = scenario_skeleton(6);
  small["states"] = {{{"id", "care"}}};
  Scenario scenario = scenario_from_json(example_with_comparators());
  EXPECT_THROW(render_report(scenario, run(small, 2)), std::invalid_argument);
}

TEST(Report, DescribesPipelinesFosterPlacementsAndInterventions) {
  Scenario scenario = load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/strategies/all-combined.json");
  ASSERT_FALSE(scenario.pipelines.empty());
  ASSERT_TRUE(scenario.has_foster_placements);
  ASSERT_FALSE(scenario.interventions.empty());
  Simulation simulation(scenario);
  RunOptions options;
  options.replications = 10;
  std::string html = render_report(simulation.scenario(), run_replications(simulation, options));
  auto root = parse_html(html);
  size_t stages = 0;
  for (const auto& pipeline : scenario.pipelines) stages += pipeline.stages.size();
  EXPECT_EQ(table_values(*root, "table-pipelines").size(), stages);
  EXPECT_EQ(root->find_id("table-interventions")->find_all("tbody")[0]->find_all("tr").size(), scenario.interventions.size());
  EXPECT_EQ(root->find_id("table-transitions")->find_all("tbody")[0]->find_all("tr").size(), scenario.transitions.size());
  EXPECT_NE(root->find_id("assumptions")->all_text().find("uses a foster placement"), std::string::npos);
  // Thirteen columns (twelve states and all) in tables of at most six.
  size_t columns = 0, parts = 0;
  for (; const HtmlElement* table = root->find_id("table-by-state-" + std::to_string(parts + 1)); ++parts) {
    size_t headings = table->find_all("thead")[0]->find_all("th").size() - 1;
    EXPECT_LE(headings, 6u);
    columns += headings;
  }
  EXPECT_EQ(columns, scenario.states.size() + 1);
  EXPECT_EQ(parts, 3u);
}

TEST(Report, EdgeCasesStillGiveAWellFormedReport) {
  // No horizon at all; and a scenario in which nobody is ever in care.
  json at_start = scenario_skeleton(0);
  at_start["states"] = {{{"id", "care"}}};
  at_start["initial_population"] = {{{"state", "care"}, {"count", 4}, {"age_years", {{"5-9", 1.0}}}}};
  json empty = scenario_skeleton(14);
  empty["states"] = {{{"id", "care"}}};
  empty["exits"] = {{{"id", "home"}}};
  for (const json& document : {at_start, empty}) {
    std::string html = render_report(scenario_from_json(document), run(document, 3));
    std::unique_ptr<HtmlElement> root;
    ASSERT_NO_THROW(root = parse_html(html)) << document.dump();
    EXPECT_NE(root->find_id("summary"), nullptr);
    // No number came out as nan or inf (in a coordinate: "%.1f" writes "-nan"), nor as "n/a".
    EXPECT_FALSE(std::regex_search(html, std::regex(R"(\b(nan|inf|infinite)\b|n/a)", std::regex::icase)));
  }
}
