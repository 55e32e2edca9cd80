#include "caseflow/report/report_comparison.hpp"

#include "caseflow/base/units.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

namespace {


// A strategy as a reader names it: its scenario's name without the base's prefix ("Herefordshire 2020:
// All strategies combined" -> "All strategies combined"), or its file's stem when it has no name.
std::string strategy_name(const NamedComparison& named) {
  if (named.name.empty()) return named.strategy;
  size_t colon = named.name.find(": ");
  return colon == std::string::npos || colon + 2 >= named.name.size() ? named.name : named.name.substr(colon + 2);
}

// "43 fewer", "12 more", "no change": a difference in children (strategy minus base) in words.
std::string fewer_or_more(double difference) {
  long rounded = std::lround(difference);
  if (rounded == 0) return "no change";
  return format_whole(std::abs(static_cast<double>(rounded))) + (rounded < 0 ? " fewer" : " more");
}

// "43 fewer children are", "1 fewer child is", "about the same number of children are": the subject of a
// sentence about children in care, its verb agreeing.
std::string children_are(double difference) {
  long rounded = std::lround(difference);
  if (rounded == 0) return "about the same number of children are";
  return fewer_or_more(difference) + (std::abs(rounded) == 1 ? " child is" : " children are");
}


// The 90% band of a difference in words, from the most fewer to the most more: "32 to 55 fewer",
// "3 fewer to 5 more".
std::string band_in_words(double p05, double p95) {
  long low = std::lround(p05), high = std::lround(p95);
  if (low < 0 && high < 0) return format_whole(static_cast<double>(-high)) + " to " + format_whole(static_cast<double>(-low)) + " fewer";
  if (low > 0 && high > 0) return format_whole(static_cast<double>(low)) + " to " + format_whole(static_cast<double>(high)) + " more";
  return fewer_or_more(static_cast<double>(low)) + " to " + fewer_or_more(static_cast<double>(high));
}

std::string money_change(double saving) {
  if (std::round(saving) == 0) return "no net saving";
  return saving > 0 ? "a net saving of " + format_pounds(saving) : "a net cost of " + format_pounds(-saving);
}

bool has_savings(const std::vector<NamedComparison>& comparisons) {
  for (const auto& named : comparisons)
    for (const auto& saving : named.comparison.savings)
      if (saving.base_cost != 0 || saving.strategy_cost != 0) return true;
  return false;
}

std::vector<TableCell> difference_cells(const DifferenceSummary& d, int decimals) {
  auto show = [&](double value) { return format_decimal(value, decimals); };
  return {TableCell::number(d.mean, show(d.mean)), TableCell::number(d.p05, show(d.p05)), TableCell::number(d.p50, show(d.p50)),
          TableCell::number(d.p95, show(d.p95))};
}

struct ComparisonData {
  const Scenario& base;
  const RunResults& base_results;
  const std::vector<NamedComparison>& comparisons;  // ranked by effect (ranked_by_effect)
  const std::vector<NamedComparison>& given;        // in the order given
  const ComparisonReportOptions& options;
  RunReportData run;  // the base's run, for its fan chart and time axis
  HeldUncertainty held;  // what the runs' bands hold
  int replications() const { return run.replications(); }
};

// What a pair of simulations shares, and so what a difference's band holds: the strategy's effect under the same
// unknowns, varying with them; never the base forecast's own uncertainty, which both sides share.
std::string shared_unknowns_in_words(const HeldUncertainty& held) {
  std::string shared = "the same children and random numbers";
  std::vector<std::string> varies{"which children arrive and how each moves"};
  if (held.parameters) {
    shared += held.drift ? ", the same rates, costs and effects drawn from the scenarios' stated ranges" : " and the same rates, costs and effects drawn from the scenarios' stated ranges";
    varies.push_back("the rates, costs and effects the scenarios do not know exactly");
  }
  if (held.drift) {
    shared += " and the same drift of the rates";
    varies.push_back("how the rates drift");
  }
  std::string text = "The two simulations of a pair share " + shared + " (common random numbers), so each difference is "
                     "the strategy's effect under the same unknowns, and its 90% band holds how that effect depends on them: "
                     "on ";
  for (size_t i = 0; i < varies.size(); ++i) text += (i == 0 ? "" : i + 1 == varies.size() ? " and on " : ", on ") + varies[i];
  text += ". It does not hold the base forecast's own uncertainty, which both share.";
  if (held.chance_alone())
    text += " It takes the rates, costs and effects as the scenarios state them, and steady: the effect may be larger or "
            "smaller if they are not.";
  return text;
}

ReportSection summary_section(const ComparisonData& data) {
  const OutputLayout& layout = data.run.layout();
  const size_t last = layout.snapshots() - 1;
  const std::string end_name = format_long_date(layout.snapshot_dates.back());
  const bool savings = has_savings(data.comparisons);
  std::string html;
  html += "<p>Each strategy was simulated " + format_whole(data.replications()) + " times, each simulation paired with one of the "
          "base forecast, <strong>" + escape_html(data.base.name) + "</strong>. " + shared_unknowns_in_words(data.held) +
          " The base has " + count_of(data.run.stock_mean(last, layout.in_care_column()), "child", "children") + " in care on " +
          escape_html(end_name) + " on average.</p>\n<p>The strategies are ranked by their effect on the number of children in "
          "care on " + escape_html(end_name) + ": the largest average fall first. Every figure, chart and table below keeps this order.</p>\n";
  // The headline of every strategy, in rank order: the change by the end (a print page's row holds four).
  html += "<ul class=\"key-figures\">\n";
  for (size_t s = 0; s < data.comparisons.size(); ++s) {
    const DifferenceSummary& end = data.comparisons[s].comparison.in_care_difference.back();
    std::string value = std::lround(end.mean) == 0 ? "0" : (end.mean > 0 ? "+" : "") + format_whole(end.mean);
    html += "<li><span class=\"label\">" + format_ordinal(static_cast<int>(s) + 1) + ": change in children in care by " +
            escape_html(end_name) + " with " + escape_html(strategy_name(data.comparisons[s])) + "</span><span class=\"value\">" + value + "</span><span class=\"detail\">90% of simulations: " +
            band_in_words(end.p05, end.p95) + "</span></li>\n";
  }
  html += "</ul>\n<ul class=\"statements\">\n";
  for (const auto& named : data.comparisons)
    html += "<li>" +
            strategy_headline(named.comparison, "<strong>" + escape_html(strategy_name(named)) + "</strong>", savings,
                              data.replications()) +
            "</li>\n";
  html += "</ul>\n";

  HtmlTable table("table-overview", "Each strategy against the base on " + end_name + ", ranked by the difference in children in care");
  bool certain = false;  // a chance of saving in every or no simulation
  std::vector<std::string> headings{"Strategy", "Rank", "Children in care", "Difference", "90% of simulations from", "to", "Child-days avoided"};
  if (savings) {
    headings.push_back("Net saving, all years");
    headings.push_back("Chance of a saving");
  }
  std::vector<bool> numeric(headings.size(), true);
  numeric[0] = false;
  table.set_columns(headings, numeric);
  table.add_row("Base: " + data.base.name,
                [&] {
                  std::vector<TableCell> cells{TableCell::text(""), TableCell::number(data.comparisons.front().comparison.base_in_care.back(),
                                                                 detail::show_average(data.comparisons.front().comparison.base_in_care.back()))};
                  while (cells.size() < headings.size() - 1) cells.push_back(TableCell::text(""));
                  return cells;
                }());
  for (size_t s = 0; s < data.comparisons.size(); ++s) {
    const NamedComparison& named = data.comparisons[s];
    const StrategyComparison& c = named.comparison;
    const DifferenceSummary& end = c.in_care_difference.back();
    std::vector<TableCell> cells{TableCell::number(static_cast<double>(s + 1), std::to_string(s + 1)),
                                 TableCell::number(c.strategy_in_care.back(), detail::show_average(c.strategy_in_care.back())),
                                 TableCell::number(end.mean, format_decimal(end.mean, 1)), TableCell::number(end.p05, format_whole(end.p05)),
                                 TableCell::number(end.p95, format_whole(end.p95)),
                                 TableCell::number(c.child_days_avoided.mean, format_whole(c.child_days_avoided.mean))};
    if (savings) {
      const auto& all = c.all_years;
      cells.push_back(TableCell::number(all.net_saving.mean, format_pounds(all.net_saving.mean)));
      cells.push_back(TableCell::number(all.chance_of_saving, detail::show_share(all.chance_of_saving)));
      certain = certain || detail::every_or_none(all.chance_of_saving);
    }
    table.add_row(strategy_name(named), cells, named.strategy);
  }
  html += table.render();
  if (certain) html += detail::certainty_footnote(data.replications());
  return {"summary", "Summary", html, "", ""};
}

ReportSection difference_section(const ComparisonData& data) {
  const OutputLayout& layout = data.run.layout();
  std::vector<double> x = detail::snapshot_positions(data.run);
  double lowest = 0, highest = 0;
  for (const auto& named : data.comparisons)
    for (const auto& d : named.comparison.in_care_difference) {
      lowest = std::min(lowest, d.p05);
      highest = std::max(highest, d.p95);
    }
  // One chart per strategy on the same scale, so their sizes compare at a glance.
  ChartAxis y_axis = detail::count_axis(highest, "Difference in children in care", lowest);
  SeriesStyle band, line, zero = dashed_line_styles(1)[0];
  band.fill = Colour::from_oklch(0.85, 0.05, 245);
  line.stroke = Colour::from_oklch(0.30, 0.09, 245);
  line.stroke_width = 2.5;
  std::string html = "<p>For each strategy: the number of children in care with the strategy minus the number in the base "
                     "forecast, in the same simulation. Below the dashed zero line the strategy has fewer children in care. "
                     "The line is the average difference, the band holds 90% of simulations. All charts share one scale.</p>\n";
  std::string tables;
  for (size_t s = 0; s < data.comparisons.size(); ++s) {
    const NamedComparison& named = data.comparisons[s];
    const StrategyComparison& c = named.comparison;
    const std::string index = std::to_string(s + 1), name = strategy_name(named);
    std::vector<double> mean, low, high;
    for (const auto& d : c.in_care_difference) {
      mean.push_back(d.mean);
      low.push_back(d.p05);
      high.push_back(d.p95);
    }
    std::string description = name + ": difference from the base on " + format_long_date(layout.snapshot_dates.back()) + " " +
                              fewer_or_more(mean.back()) + " on average, 90% of simulations " + band_in_words(low.back(), high.back()) + ".";
    SvgChart chart("chart-difference-" + index, "Difference from the base: " + name, description);
    chart.set_size(760, 170);
    chart.set_x_axis(detail::snapshot_axis(data.run));
    chart.set_y_axis(y_axis);
    chart.add_band(x, low, high, band, "90% of simulations");
    chart.add_line(x, mean, line, "Average difference");
    chart.add_reference_line(0, zero, "No difference");
    html += "<figure>\n<h3>" + escape_html(name) + "</h3>\n" + chart.render() + "<figcaption>" + escape_html(name) +
            " minus the base, " + format_whole(data.replications()) + " paired simulations. The numbers are in <a href=\"#table-difference-" +
            index + "\">the data table</a>.</figcaption>\n</figure>\n";

    HtmlTable table("table-difference-" + index, "Children in care: " + name + " against the base");
    table.set_columns({"Date", "Base average", "Strategy average", "Difference", "5%", "Median", "95%"},
                      {false, true, true, true, true, true, true});
    for (size_t k = 0; k < c.dates.size(); ++k) {
      std::vector<TableCell> cells{TableCell::number(c.base_in_care[k], detail::show_average(c.base_in_care[k])),
                                   TableCell::number(c.strategy_in_care[k], detail::show_average(c.strategy_in_care[k]))};
      for (auto& cell : difference_cells(c.in_care_difference[k], 1)) cells.push_back(std::move(cell));
      table.add_row(format_long_date(c.dates[k]), cells, named.strategy + "/" + format_iso_date(c.dates[k]));
    }
    tables += table.render();
  }
  return {"difference", "Difference from the base over time", html, "", tables};
}

ReportSection child_days_section(const ComparisonData& data) {
  HtmlTable table("table-child-days", "Child-days in care avoided over the whole forecast, and the difference at its end");
  table.set_columns({"Strategy", "Child-days avoided", "5%", "Median", "95%", "Difference at the end", "5%", "Median", "95%"},
                    {false, true, true, true, true, true, true, true, true});
  for (const auto& named : data.comparisons) {
    auto cells = difference_cells(named.comparison.child_days_avoided, 0);
    for (auto& cell : difference_cells(named.comparison.in_care_difference.back(), 1)) cells.push_back(std::move(cell));
    table.add_row(strategy_name(named), cells, named.strategy);
  }
  std::string html = "<p>A child-day in care avoided is one day one child does not spend in care because of the strategy: "
                     "the base's days in care minus the strategy's, in the same simulation, added up over the forecast "
                     "(365 child-days are one child-year). The difference at the end is the strategy's children in care "
                     "minus the base's on the last day.</p>\n" + table.render();
  return {"child-days", "Child-days in care avoided", html, "", ""};
}

std::optional<ReportSection> comparators_section(const ComparisonData& data) {
  const auto& first = data.comparisons.front().comparison.comparators;
  if (first.empty()) return std::nullopt;
  HtmlTable table("table-comparator-chances", "Chance that the number of children in care is at or below each comparator");
  std::vector<std::string> headings{"Comparator", "Base"};
  for (const auto& named : data.comparisons) headings.push_back(strategy_name(named));
  std::vector<bool> numeric(headings.size(), true);
  numeric[0] = false;
  table.set_columns(headings, numeric);
  Date current{};
  bool certain = false;  // a share of every or no simulation
  for (size_t i = 0; i < first.size(); ++i) {
    const auto& chance = first[i];
    if (i == 0 || chance.date != current) {
      current = chance.date;
      table.add_group_heading(format_long_date(chance.date));
    }
    std::string name = chance.comparator;
    for (const auto& comparator : data.base.comparators)
      if (comparator.id == chance.comparator) name = detail::comparator_name(comparator);
    std::vector<TableCell> cells{TableCell::number(chance.base_probability, detail::show_share(chance.base_probability))};
    certain = certain || detail::every_or_none(chance.base_probability);
    for (const auto& named : data.comparisons) {
      const auto& theirs = named.comparison.comparators;
      if (theirs.size() != first.size() || theirs[i].date != chance.date || theirs[i].comparator != chance.comparator)
        throw std::invalid_argument("comparison report: the strategies' comparators differ");
      cells.push_back(TableCell::number(theirs[i].strategy_probability, detail::show_share(theirs[i].strategy_probability)));
      certain = certain || detail::every_or_none(theirs[i].strategy_probability);
    }
    table.add_row(name + ": " + format_trimmed(chance.count, 1), cells, format_iso_date(chance.date) + "/" + chance.comparator);
  }
  std::string html = "<p>The share of simulations in which the number of children in care is at or below each comparator, "
                     "every 12 months from the start (the dates every difference here is measured on; a run's own report gives them "
                     "on each 31 March instead), in the base forecast and with each strategy.</p>\n" + table.render();
  if (certain) html += detail::certainty_footnote(data.replications());
  return ReportSection{"comparators", "Reaching the comparators", html, "", ""};
}

std::optional<ReportSection> savings_section(const ComparisonData& data) {
  if (!has_savings(data.comparisons)) return std::nullopt;
  const OutputLayout& layout = data.run.layout();
  const size_t strategies = data.comparisons.size(), years = data.comparisons.front().comparison.savings.size();
  std::vector<double> x(years);
  std::vector<AxisTick> ticks;
  for (size_t y = 0; y < years; ++y) {
    x[y] = static_cast<double>(y);
    const std::string& label = data.comparisons.front().comparison.savings[y].financial_year;
    std::string part;
    for (size_t f = 0; f < layout.financial_years.size(); ++f)
      if (layout.financial_years[f].label == label) part = detail::part_year_note(layout, f);
    ticks.push_back({x[y], label + (part.empty() ? "" : "\n" + part)});
  }
  double lowest = 0, highest = 0;
  for (const auto& named : data.comparisons)
    for (const auto& saving : named.comparison.savings) {
      lowest = std::min({lowest, saving.net_saving.p05, saving.net_saving.mean});
      highest = std::max({highest, saving.net_saving.p95, saving.net_saving.mean});
    }
  std::string description = "Average net saving by financial year:";
  for (const auto& named : data.comparisons) {
    description += " " + strategy_name(named);
    for (const auto& saving : named.comparison.savings) description += ", " + saving.financial_year + " " + format_pounds(saving.net_saving.mean);
    description += ";";
  }
  SvgChart chart("chart-savings", "Net saving against the base by financial year", description);
  chart.set_size(760, 260);
  ChartAxis x_axis;
  x_axis.min = -0.5;
  x_axis.max = static_cast<double>(years) - 0.5;
  x_axis.ticks = ticks;
  x_axis.label = "Financial year (1 April to 31 March)";
  chart.set_x_axis(x_axis);
  chart.set_y_axis(detail::money_axis(lowest, highest, "Net saving"));
  // Bars side by side within each year, one per strategy.
  const double group = 0.8, width = group / static_cast<double>(strategies);
  auto styles = stacked_fill_styles(strategies);
  SeriesStyle whisker;
  whisker.stroke = Colour{26, 26, 26};
  whisker.stroke_width = 1.5;
  // Bars first, whiskers over them: the legend lists the strategies, then the whisker once.
  std::vector<std::vector<double>> positions, lows, highs;
  for (size_t s = 0; s < strategies; ++s) {
    const auto& savings = data.comparisons[s].comparison.savings;
    std::vector<double> at(years), mean(years), low(years), high(years);
    for (size_t y = 0; y < years && y < savings.size(); ++y) {
      at[y] = x[y] - group / 2 + width * (static_cast<double>(s) + 0.5);
      mean[y] = savings[y].net_saving.mean;
      low[y] = savings[y].net_saving.p05;
      high[y] = savings[y].net_saving.p95;
    }
    chart.add_stacked_bars(at, width * 0.85, {mean}, {styles[s]}, {strategy_name(data.comparisons[s])});
    positions.push_back(at);
    lows.push_back(low);
    highs.push_back(high);
  }
  for (size_t s = 0; s < strategies; ++s)
    chart.add_interval_marks(positions[s], lows[s], highs[s], whisker, s == 0 ? "90% of simulations" : "");
  if (lowest < 0) chart.add_reference_line(0, dashed_line_styles(1)[0], "No saving");

  std::string html = "<figure>\n<p>The net saving of each strategy in each financial year: the base's costs (placements, "
                     "allowances) minus the strategy's, its own running costs included, in the same simulation. Bars are the "
                     "averages, whiskers hold 90% of simulations; below zero a strategy costs more than it saves.</p>\n" +
                     chart.render() + "<figcaption>Average over " + format_whole(data.replications()) +
                     " paired simulations. The numbers are in <a href=\"#table-savings\">the data table</a>.</figcaption>\n</figure>\n";
  // " (5 months)" after a financial year the forecast covers only in part.
  auto part_of_year = [&layout](const std::string& label) {
    for (size_t f = 0; f < layout.financial_years.size(); ++f)
      if (layout.financial_years[f].label == label && !detail::part_year_note(layout, f).empty())
        return " (" + detail::part_year_note(layout, f) + ")";
    return std::string();
  };
  HtmlTable table("table-savings", "Net saving by strategy and financial year, and over all years");
  table.set_columns({"Financial year", "Base cost", "Strategy cost", "Net saving", "5%", "Median", "95%", "Chance of a saving"},
                    {false, true, true, true, true, true, true, true});
  bool certain = false;  // a chance of saving in every or no simulation
  auto add_saving = [&table, &certain](const std::string& label, const std::string& key, const StrategyComparison::Saving& saving) {
    const DifferenceSummary& d = saving.net_saving;
    table.add_row(label,
                  {TableCell::number(saving.base_cost, format_pounds(saving.base_cost)),
                   TableCell::number(saving.strategy_cost, format_pounds(saving.strategy_cost)),
                   TableCell::number(d.mean, format_pounds(d.mean)), TableCell::number(d.p05, format_pounds(d.p05)),
                   TableCell::number(d.p50, format_pounds(d.p50)), TableCell::number(d.p95, format_pounds(d.p95)),
                   TableCell::number(saving.chance_of_saving, detail::show_share(saving.chance_of_saving))},
                  key);
    certain = certain || detail::every_or_none(saving.chance_of_saving);
  };
  for (const auto& named : data.comparisons) {
    table.add_group_heading(strategy_name(named));
    for (const auto& saving : named.comparison.savings)
      add_saving(saving.financial_year + part_of_year(saving.financial_year), named.strategy + "/" + saving.financial_year, saving);
    add_saving("All years", named.strategy + "/" + named.comparison.all_years.financial_year, named.comparison.all_years);
  }
  std::string tables = table.render();
  if (certain) tables += detail::certainty_footnote(data.replications());
  return ReportSection{"savings", "Net saving by financial year", html, "", tables};
}

ReportSection method_section(const ComparisonData& data) {
  // The files in the order given (the report ranks the strategies, the command keeps the user's order).
  std::vector<std::string> files = data.options.scenario_files;
  if (files.empty()) {
    files.push_back("BASE.json");
    for (const auto& named : data.given) files.push_back(named.strategy + ".json");
  }
  std::string command =
      detail::reproduce_command("caseflow compare", files, data.replications(), data.base_results.seed, data.options.uncertainty);
  std::string html =
      "<ul>\n<li><strong>Paired simulations.</strong> Simulation <em>r</em> of a strategy and simulation <em>r</em> of the base "
      "follow the same children with the same random numbers, and draw the same parameters and drift for everything the "
      "strategy does not change (common random numbers), until the strategy changes what happens to them. Each difference "
      "is taken within a pair, then summarised, so its 90% band is much narrower than comparing two forecasts' bands would "
      "suggest: it holds the strategy's effect and how that depends on the unknowns, not the forecast's own uncertainty.</li>\n"
      "<li><strong>Uncertainty</strong>: " + detail::layers_asked_in_words(data.options.uncertainty, data.held) + ".</li>\n"
      "<li><strong>Average</strong> is the mean over simulations; the <strong>90% range</strong> runs from the 5th to the 95th "
      "percentile (linear interpolation, as numpy's default).</li>\n"
      "<li><strong>Data tables</strong> hold the figures of <code>comparison_in_care.csv</code>, <code>comparison_summary.csv</code>, "
      "<code>comparison_comparators.csv</code> and <code>comparison_costs.csv</code>, rounded for reading; each cell carries "
      "the exact value.</li>\n"
      "<li><strong>To reproduce:</strong> <code>" + escape_html(command) + "</code>.</li>\n</ul>\n";
  return {"about", "About these figures", html, "", ""};
}

}  // namespace

std::string strategy_headline(const StrategyComparison& c, const std::string& name, bool with_savings, int replications) {
  const std::string end_name = format_long_date(c.dates.back());
  const DifferenceSummary& end = c.in_care_difference.back();
  std::string text = "With " + name + ", " + children_are(end.mean) + " expected in care on " + escape_html(end_name) +
                     " (90% of simulations: " + band_in_words(end.p05, end.p95) + "). ";
  const DifferenceSummary& avoided = c.child_days_avoided;
  text += "Over the forecast that is " + count_of(avoided.mean, "child-day", "child-days") + " in care avoided (about " +
          format_trimmed(avoided.mean / kDaysPerYear, 1) + " child-years; 90% of simulations: " + format_whole(avoided.p05) +
          " to " + format_whole(avoided.p95) + ")";
  if (with_savings) {
    const auto& all = c.all_years;
    text += ", and " + money_change(all.net_saving.mean) + " over all its financial years, its running costs included (saving "
            "money in " + detail::share_of_simulations(all.chance_of_saving, replications) +
            (detail::every_or_none(all.chance_of_saving) ? std::string(": ") + detail::kModelsView : std::string()) + ")";
  }
  return text + ".";
}

ReportDocument build_comparison_report(const Scenario& base, const RunResults& base_results, const RunSummary& base_summary,
                                       const std::vector<NamedComparison>& comparisons, const ComparisonReportOptions& options) {
  if (comparisons.empty()) throw std::invalid_argument("comparison report: no strategy to compare");
  RunReportOptions run_options;
  run_options.uncertainty = options.uncertainty;
  run_options.assumptions_on_page = false;
  for (const auto& named : comparisons)
    if (named.comparison.dates != base_results.layout.snapshot_dates || named.comparison.in_care_difference.empty())
      throw std::invalid_argument("comparison report: a comparison does not come from this base run");
  // Ranked once, here: every section shows the strategies in the same order, by their effect.
  const std::vector<NamedComparison> ranked = ranked_by_effect(comparisons);
  ComparisonData data{base, base_results, ranked, comparisons, options, RunReportData(base, base_results, base_summary, run_options),
                      options.held.value_or(held_uncertainty(base, options.uncertainty))};
  const OutputLayout& layout = data.run.layout();
  ReportDocument document;
  document.kicker = "Children in care: strategies compared";
  document.title = base.name;
  document.lead_html = format_whole(static_cast<double>(comparisons.size())) +
                       (comparisons.size() == 1 ? " strategy" : " strategies") + " against the base forecast from " +
                       escape_html(format_long_date(layout.snapshot_dates.front())) + " to " +
                       escape_html(format_long_date(layout.snapshot_dates.back())) + ", each from " +
                       format_whole(data.replications()) + " simulations paired with the base's.";
  document.sections.push_back(summary_section(data));
  if (layout.months() > 0) document.sections.push_back(difference_section(data));
  document.sections.push_back(child_days_section(data));
  if (auto section = comparators_section(data)) document.sections.push_back(std::move(*section));
  if (auto section = savings_section(data)) document.sections.push_back(std::move(*section));
  if (layout.months() > 0) {
    ReportSection fan = children_in_care_section(data.run);
    fan.heading = "The base forecast: children in care";
    document.sections.push_back(std::move(fan));
  }
  document.sections.push_back(method_section(data));
  document.footer_html = "<p>Made by caseflow, seed " + std::to_string(base_results.seed) + ", uncertainty " +
                         uncertainty_name(options.uncertainty) + ". Every figure is a simulation result, not a prediction of any one child's care.</p>";
  return document;
}

std::string render_comparison_report(const Scenario& base, const RunResults& base_results, const RunSummary& base_summary,
                                     const std::vector<NamedComparison>& comparisons, const ComparisonReportOptions& options) {
  return render_report_html(build_comparison_report(base, base_results, base_summary, comparisons, options));
}

}  // namespace caseflow
