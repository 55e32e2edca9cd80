// The report of `caseflow compare --report`: well-formed and self-contained, every section present, and
// its tables and summary sentences equal to the comparison_*.csv files of the same compare run.

#include <cmath>
#include <map>

#include <gtest/gtest.h>

#include "caseflow/scenario/scenario_json.hpp"

#include "caseflow/base/uk_format.hpp"
#include "cli_support.hpp"
#include "html_checker.hpp"
#include "report_tables.hpp"

namespace fs = std::filesystem;
using namespace caseflow;
using namespace caseflow::testing;

namespace {

const std::string kScenarios = std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/";
const std::vector<std::string> kStrategies = {"all-combined", "edge-of-care"};

class ReportComparisonTest : public CliScratch {};

// The CSV rows of a file by the key built from the first `key_fields` fields joined with "/", the other
// fields from `first_value` on as values.
std::map<std::string, std::vector<std::string>> rows_by_key(const fs::path& file, size_t key_fields, size_t first_value) {
  std::map<std::string, std::vector<std::string>> rows;
  auto csv = read_csv(file);
  for (size_t i = 1; i < csv.size(); ++i) {
    std::string key;
    for (size_t f = 0; f < key_fields; ++f) key += (f ? "/" : "") + csv[i][f];
    rows[key] = std::vector<std::string>(csv[i].begin() + static_cast<long>(first_value), csv[i].end());
  }
  return rows;
}

}  // namespace

TEST_F(ReportComparisonTest, ComparisonReportIsWellFormedAndEqualsItsCsvFiles) {
  fs::path out = dir_ / "out", report = dir_ / "compare.html";
  auto outcome = caseflow("compare " + kScenarios + "herefordshire-2020.json " + kScenarios + "strategies/all-combined.json " +
                          kScenarios + "strategies/edge-of-care.json --replications 100 --seed 4 --threads 2 --out " + out.string() +
                          " --report " + report.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  EXPECT_NE(outcome.out.find("wrote " + report.string()), std::string::npos);
  std::string html = read(report);
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
  EXPECT_EQ(root->find_all("h1")[0]->all_text(), "Herefordshire, 2 November 2020 (baseline)");

  // Every section in order, each in the contents.
  const std::vector<std::string> expected = {"summary", "difference", "child-days", "comparators", "savings",
                                             "children-in-care", "about", "data-tables"};
  std::vector<std::string> sections, links;
  for (const HtmlElement* section : root->find_all("main")[0]->find_all("section")) sections.push_back(section->attribute("id"));
  EXPECT_EQ(sections, expected);
  for (const HtmlElement* link : root->find_all("nav")[0]->find_all("a")) links.push_back(link->attribute("href"));
  ASSERT_EQ(links.size(), expected.size());
  for (size_t i = 0; i < links.size(); ++i) EXPECT_EQ(links[i], "#" + expected[i]);

  // Charts: a difference chart per strategy, the savings, the base's fan chart; each links to its table.
  auto charts = root->find_all("svg");
  ASSERT_EQ(charts.size(), 4u);
  const std::vector<std::string> chart_tables = {"#table-difference-1", "#table-difference-2", "#table-savings", "#table-in-care"};
  for (size_t c = 0; c < charts.size(); ++c) {
    EXPECT_EQ(charts[c]->attribute("role"), "img");
    ASSERT_NE(charts[c]->ancestor("figure"), nullptr);
    auto figure_links = charts[c]->ancestor("figure")->find_all("a");
    ASSERT_EQ(figure_links.size(), 1u);
    EXPECT_EQ(figure_links[0]->attribute("href"), chart_tables[c]);
    ASSERT_NE(root->find_id(chart_tables[c].substr(1)), nullptr);
    EXPECT_EQ(root->find_id(chart_tables[c].substr(1))->ancestor("section")->attribute("id"), "data-tables");
  }
  // The fan chart keeps its comparator lines.
  auto fan_lines = charts[3]->find_all("line");
  EXPECT_EQ(std::count_if(fan_lines.begin(), fan_lines.end(), [](const HtmlElement* line) { return line->has("stroke-dasharray"); }), 3);

  // Self-contained: nothing to fetch, nothing to run.
  for (const char* forbidden : {"<script", "<link", "<img", "<iframe", "src=", "@import", "http://", "https://"})
    EXPECT_EQ(html.find(forbidden), std::string::npos) << forbidden;

  // Difference over time: comparison_in_care.csv, row for row.
  auto in_care = rows_by_key(out / "comparison_in_care.csv", 2, 2);
  size_t compared = 0;
  for (size_t s = 0; s < kStrategies.size(); ++s) {
    auto rows = table_values(*root, "table-difference-" + std::to_string(s + 1));
    ASSERT_EQ(rows.size(), 61u);
    // (in rank order, which EveryStrategyIsShownAndRankedByItsEffectOnChildrenInCare checks)
    EXPECT_EQ(rows.front().first.substr(rows.front().first.find('/')), "/2020-11-02");
    for (const auto& [key, values] : rows) {
      ASSERT_TRUE(in_care.count(key)) << key;
      EXPECT_EQ(values, in_care[key]) << key;
      ++compared;
    }
  }
  EXPECT_EQ(compared, in_care.size());

  // Child-days avoided and the difference at the end: comparison_summary.csv.
  auto summary = rows_by_key(out / "comparison_summary.csv", 1, 2);
  auto child_days = table_values(*root, "table-child-days");
  ASSERT_EQ(child_days.size(), kStrategies.size());
  for (const auto& [strategy, values] : child_days) EXPECT_EQ(values, summary[strategy]) << strategy;

  // The chance of reaching each comparator: comparison_comparators.csv, the base and each strategy.
  auto comparators = rows_by_key(out / "comparison_comparators.csv", 3, 4);  // strategy/date/comparator -> base, strategy
  auto chances = table_values(*root, "table-comparator-chances");
  ASSERT_EQ(chances.size(), 5u * 3u);  // each 12 months from the start, three comparators
  for (const auto& [key, values] : chances) {
    ASSERT_EQ(values.size(), 1 + kStrategies.size()) << key;
    for (size_t s = 0; s < kStrategies.size(); ++s) {
      const auto& row = comparators[kStrategies[s] + "/" + key];
      ASSERT_EQ(row.size(), 2u) << key;
      EXPECT_EQ(values[0], row[0]) << key;
      EXPECT_EQ(values[1 + s], row[1]) << key;
    }
  }

  // Net saving by financial year: comparison_costs.csv.
  auto costs = rows_by_key(out / "comparison_costs.csv", 2, 2);
  auto savings = table_values(*root, "table-savings");
  ASSERT_EQ(savings.size(), costs.size());
  ASSERT_EQ(savings.size(), kStrategies.size() * (6 + 1));  // six financial years and all of them
  for (const auto& [key, values] : savings) EXPECT_EQ(values, costs[key]) << key;
  // The all-years row adds up the years (its mean is their means' sum), with a chance of saving like theirs.
  for (const auto& strategy : kStrategies) {
    double years = 0;
    for (const auto& [key, values] : costs)
      if (key.rfind(strategy + "/", 0) == 0 && key != strategy + "/all") years += std::stod(values[2]);
    ASSERT_TRUE(costs.count(strategy + "/all")) << strategy;
    const auto& all = costs[strategy + "/all"];
    ASSERT_EQ(all.size(), 7u);  // base, strategy, net saving mean, p05, p50, p95, chance of saving
    EXPECT_NEAR(std::stod(all[2]), years, 1e-6 * std::abs(years)) << strategy;
    EXPECT_GE(std::stod(all[6]), 0.0);
    EXPECT_LE(std::stod(all[6]), 1.0);
  }

  // The base's fan chart is base_summary.csv's in_care rows.
  std::map<std::string, std::vector<std::string>> base_summary;
  auto base_rows = read_csv(out / "base_summary.csv");
  for (size_t i = 1; i < base_rows.size(); ++i)
    if (base_rows[i][1] == "in_care") base_summary[base_rows[i][0]] = std::vector<std::string>(base_rows[i].begin() + 2, base_rows[i].end());
  // (The scenario's history is there too, in rows of its own keyed "observed/DATE".)
  auto fan = table_values(*root, "table-in-care");
  size_t simulated = 0;
  for (const auto& [date, values] : fan) {
    if (date.rfind("observed/", 0) == 0) continue;
    ++simulated;
    EXPECT_EQ(values, base_summary[date]) << date;
  }
  EXPECT_EQ(simulated, 61u);
  EXPECT_EQ(fan.size() - simulated, load_scenario(kScenarios + "herefordshire-2020.json").history.size());

  // The summary says it in words, from comparison_summary.csv's difference at the end (children, rounded).
  std::string text = root->find_id("summary")->all_text();
  const std::map<std::string, std::string> names = {{"all-combined", "All strategies combined"},
                                                    {"edge-of-care", "Edge of care: double the ECHO team"}};
  for (const auto& [strategy, name] : names) {
    const auto& row = summary[strategy];  // child-days mean, p05, p50, p95, end difference mean, p05, p50, p95
    long fewer = -std::lround(std::stod(row[4])), most = -std::lround(std::stod(row[5])), least = -std::lround(std::stod(row[7]));
    ASSERT_GT(least, 0) << strategy << ": the strategy should clearly lower the number in care";
    std::string sentence = "With " + name + ", " + format_whole(fewer) + " fewer children are expected in care on 2 November 2025 (90% of simulations: " +
                           format_whole(least) + " to " + format_whole(most) + " fewer).";
    EXPECT_NE(text.find(sentence), std::string::npos) << sentence << "\n" << text;
    EXPECT_NE(text.find(format_whole(std::stod(row[0])) + " child-days in care avoided"), std::string::npos) << strategy;
  }
  // The exact command, the files in the order given and every option that changes a number, defaults too.
  std::string reproduce = "caseflow compare " + kScenarios + "herefordshire-2020.json " + kScenarios + "strategies/all-combined.json " +
                          kScenarios + "strategies/edge-of-care.json --replications 100 --seed 4 --uncertainty all.";
  EXPECT_NE(root->find_id("about")->all_text().find(reproduce), std::string::npos) << root->find_id("about")->all_text();
}

TEST_F(ReportComparisonTest, BadReportPathExitsTwoBeforeSimulatingAndWritesNothing) {
  fs::create_directories(dir_ / "a-folder");
  auto outcome = caseflow("compare " + kScenarios + "herefordshire-2020.json " + kScenarios +
                          "strategies/edge-of-care.json --replications 5 --out " + path("out") + " --report " + path("a-folder"));
  EXPECT_EQ(outcome.exit_code, 2);
  EXPECT_NE(outcome.err.find("--report must name a file"), std::string::npos) << outcome.err;
  EXPECT_FALSE(fs::exists(dir_ / "out"));
}

TEST_F(ReportComparisonTest, ComparisonWithoutCostsOrComparatorsLeavesThoseSectionsOut) {
  std::string base = path("base.json"), strategy = path("strategy.json");
  std::ofstream(base) << read(kScenarios + "example-small.json");
  std::ofstream(strategy) << R"({"base": "base.json", "name": "Fewer entries",
    "interventions": [{"type": "divert_arrivals", "share": 0.5, "start": "2021-01-01"}]})";
  auto outcome = caseflow("compare " + base + " " + strategy + " --replications 20 --seed 2 --out " + path("out") + " --report " +
                          path("r.html"));
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  std::unique_ptr<HtmlElement> root;
  ASSERT_NO_THROW(root = parse_html(read(dir_ / "r.html")));
  std::vector<std::string> sections;
  for (const HtmlElement* section : root->find_all("main")[0]->find_all("section")) sections.push_back(section->attribute("id"));
  EXPECT_EQ(sections, (std::vector<std::string>{"summary", "difference", "child-days", "children-in-care", "about", "data-tables"}));
  EXPECT_NE(root->find_id("summary")->all_text().find("With Fewer entries, "), std::string::npos);
}

// Every strategy is in the headline and every table, ranked by its effect on the number of children in care
// on the last day (comparison_summary.csv's end_difference_mean, the largest fall first); money is written in
// one style throughout, and a count of one child reads "1 child".
TEST_F(ReportComparisonTest, EveryStrategyIsShownAndRankedByItsEffectOnChildrenInCare) {
  const std::vector<std::string> strategies = {"edge-of-care", "faster-courts", "foster-recruitment", "reunification-programme",
                                               "sgo-push", "all-combined"};
  std::string command = "compare " + kScenarios + "herefordshire-2020.json";
  for (const auto& strategy : strategies) command += " " + kScenarios + "strategies/" + strategy + ".json";
  fs::path out = dir_ / "out", report = dir_ / "compare.html";
  auto outcome = caseflow(command + " --replications 30 --seed 8 --threads 2 --out " + out.string() + " --report " + report.string());
  ASSERT_EQ(outcome.exit_code, 0) << outcome.err;
  std::string html = read(report);
  std::unique_ptr<HtmlElement> root;
  ASSERT_NO_THROW(root = parse_html(html));

  // The expected ranking, from the CSV file: end difference ascending (most fewer first).
  auto csv = read_csv(out / "comparison_summary.csv");
  ASSERT_EQ(csv[0][6], "end_difference_mean");
  std::vector<std::pair<double, std::string>> effects;
  for (size_t i = 1; i < csv.size(); ++i) effects.emplace_back(std::stod(csv[i][6]), csv[i][0]);
  ASSERT_EQ(effects.size(), strategies.size());
  std::stable_sort(effects.begin(), effects.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> ranked;
  for (const auto& effect : effects) ranked.push_back(effect.second);
  ASSERT_NE(ranked, strategies) << "the argument order should differ from the ranking, or the test shows nothing";

  // The headline: one card per strategy, in rank order, each with its rank and its change.
  auto cards = root->find_id("summary")->find_all("li");
  std::vector<const HtmlElement*> figures;
  for (const HtmlElement* card : cards)
    if (card->ancestor("ul") && card->ancestor("ul")->attribute("class") == "key-figures") figures.push_back(card);
  ASSERT_EQ(figures.size(), strategies.size());
  for (size_t s = 0; s < figures.size(); ++s) {
    std::string text = figures[s]->all_text();
    EXPECT_EQ(text.rfind(format_ordinal(static_cast<int>(s) + 1) + ":", 0), 0u) << text;
    long change = std::lround(effects[s].first);
    std::string value = change == 0 ? "0" : (change > 0 ? "+" : "") + format_whole(effects[s].first);
    EXPECT_NE(text.find(value), std::string::npos) << text << " should show " << value;
  }

  // The tables: the overview with its ranks, the child-days, the difference charts' tables, the savings.
  auto overview = table_values(*root, "table-overview");
  ASSERT_EQ(overview.size(), strategies.size());
  auto child_days = table_values(*root, "table-child-days");
  ASSERT_EQ(child_days.size(), strategies.size());
  for (size_t s = 0; s < ranked.size(); ++s) {
    EXPECT_EQ(overview[s].first, ranked[s]);
    EXPECT_EQ(overview[s].second.front(), std::to_string(s + 1)) << ranked[s];
    EXPECT_EQ(child_days[s].first, ranked[s]);
    auto difference = table_values(*root, "table-difference-" + std::to_string(s + 1));
    ASSERT_FALSE(difference.empty());
    EXPECT_EQ(difference.front().first, ranked[s] + "/2020-11-02");
  }
  auto savings = table_values(*root, "table-savings");
  ASSERT_FALSE(savings.empty());
  EXPECT_EQ(savings.front().first.substr(0, savings.front().first.find('/')), ranked.front());
  EXPECT_EQ(savings.back().first.substr(0, savings.back().first.find('/')), ranked.back());

  // One money style: whole pounds ("£473,693"), never "£5.7m" or "£1.5bn" beside them; plurals agree.
  std::string text = root->all_text();
  EXPECT_NE(text.find("\xC2\xA3"), std::string::npos);
  for (size_t at = text.find("\xC2\xA3"); at != std::string::npos; at = text.find("\xC2\xA3", at + 1)) {
    size_t end = at + 2;
    while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ',' || text[end] == '.')) ++end;
    ASSERT_GT(end, at + 2) << text.substr(at, 20);
    EXPECT_EQ(text.substr(at + 2, end - at - 2).find('.'), std::string::npos) << text.substr(at, 20);
    EXPECT_FALSE(end < text.size() && (text[end] == 'm' || text.compare(end, 2, "bn") == 0)) << text.substr(at, 20);
  }
  for (const char* wrong : {" 1 fewer children", " 1 more children", " 1 children", " 1 child-days"})
    EXPECT_EQ(text.find(wrong), std::string::npos) << wrong;
  // The command to reproduce keeps the order given, not the ranking.
  std::string reproduce = "caseflow compare " + kScenarios + "herefordshire-2020.json";
  for (const auto& strategy : strategies) reproduce += " " + kScenarios + "strategies/" + strategy + ".json";
  EXPECT_NE(root->find_id("about")->all_text().find(reproduce + " --replications 30 --seed 8 --uncertainty all."), std::string::npos);
}
