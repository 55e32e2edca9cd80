// What a report says about its uncertainty: the history drawn before the forecast, what the band holds in plain
// words (and a notice when it holds chance alone), the share of the spread from each source (VarianceSources'
// own numbers), no chance shown as 100% or 0% unless it is every or no simulation (then as the model's view), and
// a comparison that says what its differences include.

#include <regex>

#include <gtest/gtest.h>

#include "caseflow/base/number_format.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/report_comparison.hpp"
#include "caseflow/report/report_run.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/stats/comparison.hpp"
#include "caseflow/stats/variance_sources.hpp"
#include "html_checker.hpp"
#include "report_tables.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

constexpr const char* kEveryUnlisted = "It cannot include events no scenario lists: an inspection, a court judgment, a change "
                                       "of policy or leadership.";

// One state, 36 months from 1 January 2021, with ranges on the arrival rate, the waiting time and the weekly cost,
// drift of the arrivals, a cost, and two counts observed before the start.
json uncertain_scenario() {
  json d = scenario_skeleton(36, "2021-01-01");
  d["name"] = "Uncertain";
  d["states"] = {{{"id", "a"}}};
  d["exits"] = {{{"id", "home"}}};
  d["transitions"] = {{{"from", "a"}, {"to", "home"}, {"time", exponential(300)}}};
  d["transitions"][0]["time"]["mean_days_range"] = {240, 380};
  d["arrivals"] = {{{"state", "a"}, {"per_year", 150}, {"per_year_range", {120, 190}}, {"age_years", {{"5-9", 1.0}}}}};
  d["initial_population"] = {{{"state", "a"}, {"count", 120}, {"age_years", {{"5-9", 1.0}}}}};
  d["drift"] = {{"arrivals", {{"volatility_per_year", 0.2}}}};
  d["placement_types"] = {{{"id", "foster"}, {"weekly_cost", 700}, {"weekly_cost_range", {550, 900}}}};
  d["placement_mix"] = {{"a", {{"foster", 1.0}}}};
  d["comparators"] = {{{"id", "region"}, {"count", 130}}};
  d["history"] = {{{"date", "2019-03-31"}, {"in_care", 101}, {"note", "the council's 903 return <2019>"}},
                  {{"date", "2020-03-31"}, {"in_care", 112}}};
  return d;
}

json example_small() { return load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/example-small.json"); }

// A run of `document` with `uncertainty`, and its report with the variance sources of the same run.
struct Reported {
  Scenario scenario;
  RunResults results;
  VarianceSources sources;
  std::string html;
  std::unique_ptr<HtmlElement> root;
};
Reported report_of(const json& document, Uncertainty uncertainty = Uncertainty::all, int replications = 200) {
  Reported out{scenario_from_json(document), {}, {}, "", nullptr};
  Simulation simulation(out.scenario);
  RunOptions options;
  options.replications = replications;
  options.seed = 9;
  options.uncertainty = uncertainty;
  out.results = run_replications(simulation, options);
  out.sources = variance_sources(simulation, options, out.results);
  RunReportOptions report_options{"s.json", uncertainty, out.sources};
  out.html = render_report(simulation.scenario(), out.results, report_options);
  out.root = parse_html(out.html);
  return out;
}

std::string text_of(const Reported& reported, const std::string& id) {
  const HtmlElement* element = reported.root->find_id(id);
  return element ? element->all_text() : "";
}

// Every text a reader sees except the Assumptions, which restate the scenario's own numbers ("foster: 100%").
std::string text_but_assumptions(const HtmlElement& root) {
  std::string text = root.find_all("header")[0]->all_text();
  for (const HtmlElement* section : root.find_all("main")[0]->find_all("section"))
    if (section->attribute("id") != "assumptions") text += "\n" + section->all_text();
  return text;
}

const std::regex kCertainPercent(R"((^|[^0-9.,])(100|0)%)");

}  // namespace

TEST(ReportUncertainty, HistoryIsDrawnBeforeTheForecastAndTabled) {
  Reported r = report_of(uncertain_scenario(), Uncertainty::all, 40);
  const HtmlElement* fan = r.root->find_id("children-in-care")->find_all("svg")[0];
  // The observed line: a dot at each history point and at the start, named in the legend.
  auto groups = fan->find_all("g");
  const HtmlElement* markers = nullptr;
  for (const HtmlElement* group : groups)
    if (group->attribute("class") == "markers") markers = group;
  ASSERT_NE(markers, nullptr);
  auto dots = markers->find_all("circle");
  ASSERT_EQ(dots.size(), 3u);
  const HtmlElement* legend = nullptr;
  for (const HtmlElement* group : groups)
    if (group->attribute("class") == "legend") legend = group;
  ASSERT_NE(legend, nullptr);
  EXPECT_NE(legend->all_text().find("Observed"), std::string::npos);
  // The axis starts at the first history date: its dot sits on the plot's left edge; the start's dot is further
  // right than the other, and 31 March 2019 is labelled.
  const HtmlElement* plot = fan->find_all("clipPath")[0]->find_all("rect")[0];
  EXPECT_NEAR(std::stod(dots[0]->attribute("cx")), std::stod(plot->attribute("x")), 0.11);
  EXPECT_LT(std::stod(dots[1]->attribute("cx")), std::stod(dots[2]->attribute("cx")));
  EXPECT_NE(fan->all_text().find("31 Mar2019"), std::string::npos) << fan->all_text();
  EXPECT_NE(fan->find_all("desc")[0]->all_text().find("Observed before the start: 31 March 2019 101, 31 March 2020 112."),
            std::string::npos);

  // The data table: the observed counts first, in a column of their own; the simulations' rows as summary.csv has them.
  auto rows = table_values(*r.root, "table-in-care");
  ASSERT_EQ(rows.size(), 2u + 37u);
  EXPECT_EQ(rows[0], (std::pair<std::string, std::vector<std::string>>{"observed/2019-03-31", {"101"}}));
  EXPECT_EQ(rows[1], (std::pair<std::string, std::vector<std::string>>{"observed/2020-03-31", {"112"}}));
  EXPECT_EQ(rows[2].first, "2021-01-01");
  EXPECT_EQ(rows[2].second.size(), 6u);
  EXPECT_EQ(rows[2].second[0], format_number(120));
  EXPECT_NE(r.root->find_id("table-in-care")->find_all("thead")[0]->all_text().find("Observed"), std::string::npos);
  // Their sources, escaped, in the Assumptions.
  auto history = table_values(*r.root, "table-history");
  ASSERT_EQ(history.size(), 2u);
  EXPECT_NE(text_of(r, "table-history").find("the council's 903 return <2019>"), std::string::npos);

  // Without history, none of it.
  Reported plain = report_of(example_small(), Uncertainty::all, 20);
  EXPECT_EQ(plain.html.find("class=\"markers\""), std::string::npos);
  EXPECT_EQ(plain.root->find_id("table-history"), nullptr);
  EXPECT_EQ(text_of(plain, "table-in-care").find("Observed"), std::string::npos);
}

TEST(ReportUncertainty, SaysInPlainWordsWhatTheBandHoldsAndWarnsWhenItIsChanceAlone) {
  Reported uncertain = report_of(uncertain_scenario(), Uncertainty::all, 40);
  std::string summary = text_of(uncertain, "summary");
  EXPECT_NE(summary.find(std::string("The range includes three sources of uncertainty: which children arrive and how each moves "
                                     "(chance); that the rates, costs and effects are not known exactly (the scenario's stated "
                                     "ranges); and that rates drift over the years. ") + kEveryUnlisted),
            std::string::npos)
      << summary;
  EXPECT_TRUE(uncertain.root->find_all("header")[0]->find_all("div").empty());  // no notice
  EXPECT_EQ(uncertain.html.find("holds chance alone"), std::string::npos);
  EXPECT_NE(text_of(uncertain, "about").find("caseflow run s.json --replications 40 --seed 9 --uncertainty all."), std::string::npos);

  // Chance alone, because the scenario states nothing: a notice at the top says so and how to add uncertainty.
  Reported small = report_of(example_small(), Uncertainty::all, 40);
  auto notices = small.root->find_all("header")[0]->find_all("div");
  ASSERT_EQ(notices.size(), 1u);
  EXPECT_EQ(notices[0]->attribute("class"), "notice");
  std::string notice = notices[0]->all_text();
  EXPECT_NE(notice.find("This forecast's range holds chance alone."), std::string::npos) << notice;
  EXPECT_NE(notice.find("far narrower than what real forecasts miss by"), std::string::npos);
  EXPECT_NE(notice.find("the scenario states no ranges, estimated uncertainty or drift"), std::string::npos);
  EXPECT_NE(notice.find("docs/scenario-format.md"), std::string::npos);
  summary = text_of(small, "summary");
  EXPECT_NE(summary.find("The range includes one source of uncertainty: which children arrive and how each moves (chance). It "
                         "takes the rates, costs and effects as known exactly: the scenario states no ranges or estimated "
                         "uncertainty for them. It takes the rates as steady over the years: the scenario states no drift. " +
                         std::string(kEveryUnlisted)),
            std::string::npos)
      << summary;

  // Chance alone because the run asked for it: the notice says so, and the command to reproduce it asks again.
  Reported asked = report_of(uncertain_scenario(), Uncertainty::chance, 40);
  ASSERT_EQ(asked.root->find_all("header")[0]->find_all("div").size(), 1u);
  notice = asked.root->find_all("header")[0]->find_all("div")[0]->all_text();
  EXPECT_NE(notice.find("this run asked for --uncertainty chance, though the scenario states more"), std::string::npos) << notice;
  EXPECT_NE(text_of(asked, "about").find("caseflow run s.json --replications 40 --seed 9 --uncertainty chance."), std::string::npos);
  EXPECT_NE(text_of(asked, "about").find("so its bands hold chance alone"), std::string::npos);

  // Parameters without drift: two sources, and the drift left out by the run.
  Reported parameters = report_of(uncertain_scenario(), Uncertainty::parameters, 40);
  summary = text_of(parameters, "summary");
  EXPECT_NE(summary.find("The range includes two sources of uncertainty: which children arrive and how each moves (chance); and "
                         "that the rates, costs and effects are not known exactly (the scenario's stated ranges). It leaves "
                         "out the rates' drift over the years, which the scenario states: this run asked for --uncertainty "
                         "parameters."),
            std::string::npos)
      << summary;
  EXPECT_TRUE(parameters.root->find_all("header")[0]->find_all("div").empty());
}

TEST(ReportUncertainty, TheRangeSectionShowsVarianceSourcesOwnShares) {
  Reported r = report_of(uncertain_scenario(), Uncertainty::all, 200);
  ASSERT_TRUE(r.sources.held.parameters && r.sources.held.drift);
  std::vector<std::string> sections;
  for (const HtmlElement* section : r.root->find_all("main")[0]->find_all("section")) sections.push_back(section->attribute("id"));
  EXPECT_EQ(sections, (std::vector<std::string>{"summary", "children-in-care", "range", "by-state", "by-placement", "by-age", "exits", "costs", "assumptions",
                                                "about", "data-tables"}));

  // A row per 31 March (counted on 1 April) and the end: the 90% range and the shares, exactly VarianceSources'.
  const OutputLayout& layout = r.results.layout;
  const std::vector<size_t> moments = {3, 15, 27, 36};
  auto rows = table_values(*r.root, "table-range-sources");
  ASSERT_EQ(rows.size(), moments.size());
  RunSummary summary = summarize_run(r.results, r.scenario);
  for (size_t m = 0; m < moments.size(); ++m) {
    const size_t k = moments[m];
    const auto shares = r.sources.in_care_shares(k);
    EXPECT_EQ(rows[m].first, format_iso_date(layout.snapshot_dates[k]));
    EXPECT_EQ(rows[m].second, (std::vector<std::string>{format_number(summary.stocks.quantile(k, layout.in_care_column(), 0)),
                                                        format_number(summary.stocks.quantile(k, layout.in_care_column(), 4)),
                                                        format_number(shares.chance), format_number(shares.parameters),
                                                        format_number(shares.drift)}))
        << rows[m].first;
  }
  // The same for each financial year's total cost.
  auto costs = table_values(*r.root, "table-cost-sources");
  ASSERT_EQ(costs.size(), layout.financial_years.size());
  for (size_t y = 0; y < costs.size(); ++y) {
    const auto shares = r.sources.cost_shares(y);
    EXPECT_EQ(costs[y].first, layout.financial_years[y].label);
    ASSERT_EQ(costs[y].second.size(), 5u);
    EXPECT_EQ(std::vector<std::string>(costs[y].second.begin() + 2, costs[y].second.end()),
              (std::vector<std::string>{format_number(shares.chance), format_number(shares.parameters), format_number(shares.drift)}));
  }

  // In words for the last 31 March.
  const auto last = r.sources.in_care_shares(27);
  for (double share : {last.chance, last.parameters, last.drift}) ASSERT_TRUE(share > 0.005 && share < 0.995) << share;
  std::string sentence = "By 31 March 2023, " + format_percent(last.chance) + " of the spread comes from chance, " +
                         format_percent(last.parameters) + " from not knowing the rates and " + format_percent(last.drift) +
                         " from drift.";
  EXPECT_NE(text_of(r, "range").find(sentence), std::string::npos) << sentence << "\n" << text_of(r, "range");

  // Chance alone: all of it is chance, and the table has no other columns.
  Reported small = report_of(example_small(), Uncertainty::all, 30);
  auto small_rows = table_values(*small.root, "table-range-sources");
  ASSERT_FALSE(small_rows.empty());
  for (const auto& [key, values] : small_rows) EXPECT_EQ(values.size(), 3u) << key;
  EXPECT_NE(text_of(small, "range").find("all of its spread comes from chance"), std::string::npos);

  // Without the variance sources there is no such section.
  std::string without = render_report(r.scenario, r.results, {"s.json", Uncertainty::all, std::nullopt});
  EXPECT_EQ(without.find("id=\"range\""), std::string::npos);
  EXPECT_NE(without.find("The range includes three sources of uncertainty"), std::string::npos);
}

TEST(ReportUncertainty, NoChanceIsShownAsACertaintyUnlessItIsEverySimulation) {
  // Every share of simulations a report shows is between 0 and 1 here: no "100%" or "0%" anywhere.
  Reported uncertain = report_of(uncertain_scenario(), Uncertainty::all, 200);
  std::string text = text_but_assumptions(*uncertain.root);
  std::smatch found;
  EXPECT_FALSE(std::regex_search(text, found, kCertainPercent)) << found.str() << " in\n" << text;
  EXPECT_EQ(text.find("the model's view"), std::string::npos);

  // Everybody leaves within a month and nobody arrives: every simulation ends with fewer children, at or below the
  // comparator, over the first year's budget, and none over the second's.
  json d = scenario_skeleton(24, "2021-01-01");
  d["states"] = {{{"id", "a"}}};
  d["exits"] = {{{"id", "home"}}};
  d["transitions"] = {{{"from", "a"}, {"to", "home"}, {"time", {{"dist", "fixed"}, {"days", 20}}}}};
  d["initial_population"] = {{{"state", "a"}, {"count", 50}, {"age_years", {{"5-9", 1.0}}}}};
  d["comparators"] = {{{"id", "region"}, {"count", 10}}};
  d["placement_types"] = {{{"id", "foster"}, {"weekly_cost", 700}}};
  d["placement_mix"] = {{"a", {{"foster", 1.0}}}};
  d["costs"] = {{"budgets", {{{"financial_year", "2020/21"}, {"amount", 1}}, {{"financial_year", "2021/22"}, {"amount", 1000}}}}};
  Reported certain = report_of(d, Uncertainty::all, 200);
  RunSummary summary = summarize_run(certain.results, certain.scenario);
  ASSERT_EQ(summary.in_care.fewer_at_end, 1.0);
  ASSERT_EQ(summary.in_care.more_at_end, 0.0);
  text = text_but_assumptions(*certain.root);
  EXPECT_FALSE(std::regex_search(text, found, kCertainPercent)) << found.str() << " in\n" << text;
  std::string summary_text = text_of(certain, "summary");
  EXPECT_NE(summary_text.find("than at the startevery simulationof the 200: the model's view under its assumptions, not a certainty"),
            std::string::npos)
      << summary_text;
  EXPECT_NE(summary_text.find("The number falls in every one of the 200 simulations and rises in none of the 200 simulations: the "
                              "model's view under its assumptions, not a certainty."),
            std::string::npos)
      << summary_text;
  for (const auto& [key, values] : table_values(*certain.root, "table-comparators")) EXPECT_EQ(values, std::vector<std::string>{"1"}) << key;
  EXPECT_NE(text_of(certain, "table-comparators").find("every simulation"), std::string::npos);
  EXPECT_NE(summary_text.find("mean every one (or none) of the 200 simulations: the model's view"), std::string::npos);
  std::string costs = text_of(certain, "costs");
  EXPECT_NE(costs.find("every one of the 200 simulations overspends it: the model's view under its assumptions, not a certainty."),
            std::string::npos)
      << costs;
  EXPECT_NE(costs.find("none of the 200 simulations overspends it: the model's view"), std::string::npos) << costs;
  EXPECT_NE(costs.find("no simulation"), std::string::npos);
}

TEST(ReportUncertainty, ComparisonSaysWhatItsDifferencesInclude) {
  json base_document = uncertain_scenario();
  json strategy_document = base_document;
  strategy_document["name"] = "Uncertain: fewer entries";
  strategy_document["interventions"] = {{{"type", "divert_arrivals"}, {"share", 0.3}, {"start", "2021-06-01"}}};
  auto render = [&](Uncertainty uncertainty) {
    Simulation base(scenario_from_json(base_document)), strategy(scenario_from_json(strategy_document));
    RunOptions options;
    options.replications = 40;
    options.seed = 3;
    options.uncertainty = uncertainty;
    RunResults base_results = run_replications(base, options), strategy_results = run_replications(strategy, options);
    std::vector<NamedComparison> comparisons{
        {"fewer", strategy.scenario().name, compare_runs(base_results, strategy_results, base.scenario().comparators)}};
    ComparisonReportOptions report_options{{"base.json", "fewer.json"}, uncertainty, std::nullopt};
    return parse_html(render_comparison_report(base.scenario(), base_results, summarize_run(base_results, base.scenario()),
                                               comparisons, report_options));
  };
  auto all = render(Uncertainty::all);
  std::string summary = all->find_id("summary")->all_text();
  EXPECT_NE(summary.find("The two simulations of a pair share the same children and random numbers, the same rates, costs and "
                         "effects drawn from the scenarios' stated ranges and the same drift of the rates (common random "
                         "numbers), so each difference is the strategy's effect under the same unknowns, and its 90% band "
                         "holds how that effect depends on them: on which children arrive and how each moves, on the rates, "
                         "costs and effects the scenarios do not know exactly and on how the rates drift. It does not hold the "
                         "base forecast's own uncertainty, which both share."),
            std::string::npos)
      << summary;
  std::string page = all->all_text();
  EXPECT_EQ(page.find("not chance"), std::string::npos);
  EXPECT_NE(all->find_id("about")->all_text().find("caseflow compare base.json fewer.json --replications 40 --seed 3 --uncertainty all."),
            std::string::npos);
  std::smatch found;
  std::string text = text_but_assumptions(*all);
  EXPECT_FALSE(std::regex_search(text, found, kCertainPercent)) << found.str();

  auto chance = render(Uncertainty::chance);
  summary = chance->find_id("summary")->all_text();
  EXPECT_NE(summary.find("share the same children and random numbers (common random numbers), so each difference is the "
                         "strategy's effect under the same unknowns, and its 90% band holds how that effect depends on them: "
                         "on which children arrive and how each moves."),
            std::string::npos)
      << summary;
  EXPECT_NE(summary.find("It takes the rates, costs and effects as the scenarios state them, and steady"), std::string::npos);
  EXPECT_NE(chance->find_id("about")->all_text().find("--replications 40 --seed 3 --uncertainty chance."), std::string::npos);
}
