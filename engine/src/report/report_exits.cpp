// Children leaving care by route in each financial year: stacked bars of the averages, the 90% range of
// all exits, and the table behind them.

#include <algorithm>

#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

std::optional<ReportSection> exits_by_year_section(const RunReportData& data) {
  const Scenario& scenario = data.scenario;
  const OutputLayout& layout = data.layout();
  if (scenario.exits.empty() || layout.months() == 0) return std::nullopt;
  const size_t exits = scenario.exits.size(), routes = exits + 1;  // each exit, then all exits

  const ExitsByYear& by_year = data.summary.exits;
  const std::vector<int>& years = by_year.financial_years;
  const SummaryGrid& summary = by_year.exits;
  auto months_in = [&](size_t y) { return by_year.months[y]; };

  auto year_name = [&](size_t y) {
    std::string name = financial_year_label(years[y]);
    size_t months = months_in(y);
    return months == 12 ? name : name + " (" + std::to_string(months) + (months == 1 ? " month)" : " months)");
  };
  std::vector<std::string> names;
  for (size_t e = 0; e < exits; ++e) names.push_back(data.exit_name(e));

  // The chart.
  std::vector<double> x;
  std::vector<AxisTick> ticks;
  std::vector<std::vector<double>> layers(exits, std::vector<double>(years.size()));
  std::vector<double> low(years.size()), high(years.size());
  double highest = 0;
  for (size_t y = 0; y < years.size(); ++y) {
    x.push_back(static_cast<double>(y));
    size_t months = months_in(y);
    ticks.push_back({static_cast<double>(y), financial_year_label(years[y]) + (months == 12 ? "" : "\n" + std::to_string(months) + " months")});
    for (size_t e = 0; e < exits; ++e) layers[e][y] = summary.mean(y, e);
    low[y] = summary.quantile(y, exits, 0);
    high[y] = summary.quantile(y, exits, 2);
    highest = std::max({highest, high[y], static_cast<double>(summary.mean(y, exits))});
  }
  std::string description = "Average children leaving care per financial year, by route:";
  for (size_t y = 0; y < years.size(); ++y) {
    description += (y ? "; " : " ") + year_name(y) + " " + detail::show_count(summary.mean(y, exits)) + " in all";
    for (size_t e = 0; e < exits; ++e) description += ", " + names[e] + " " + detail::show_count(layers[e][y]);
  }
  description += ".";
  SvgChart chart("chart-exits", "Children leaving care by route and financial year", description);
  chart.set_size(760, 260);
  ChartAxis x_axis;
  x_axis.min = -0.5;
  x_axis.max = static_cast<double>(years.size()) - 0.5;
  x_axis.ticks = ticks;
  x_axis.label = "Financial year (1 April to 31 March)";
  chart.set_x_axis(x_axis);
  chart.set_y_axis(detail::count_axis(highest, "Children leaving care"));
  chart.add_stacked_bars(x, 0.62, layers, stacked_fill_styles(exits), names);
  SeriesStyle whisker;
  whisker.stroke = Colour{26, 26, 26};
  whisker.stroke_width = 1.5;
  chart.add_interval_marks(x, low, high, whisker, "All exits: 90% of simulations");

  // The introduction inside the figure, so that a printed page never parts it from its chart.
  std::string html = "<figure>\n<p>Financial years run from 1 April to 31 March. The bars show the average number of children "
                     "leaving care by each route in each year; the whiskers show the range of all exits in 90% of "
                     "simulations.";
  std::vector<std::string> partial;
  for (size_t y = 0; y < years.size(); ++y)
    if (months_in(y) != 12) partial.push_back(year_name(y));
  if (!partial.empty()) {
    html += " The forecast covers only part of ";
    for (size_t n = 0; n < partial.size(); ++n) html += (n == 0 ? "" : n + 1 == partial.size() ? " and " : ", ") + escape_html(partial[n]);
    html += ", so those bars are lower.";
  }
  int day = static_cast<int>(static_cast<unsigned>(std::chrono::year_month_day{layout.snapshot_dates.front()}.day()));
  if (day != 1)
    html += " Simulated months run from the " + format_ordinal(day) + " of each month; each counts in the financial year that holds most of its days.";
  html += "</p>\n" + chart.render() + "<figcaption>Average over " + format_whole(data.replications()) +
          " simulations. The numbers are in <a href=\"#table-exits\">the data table</a>.</figcaption>\n</figure>\n";

  HtmlTable table("table-exits", "Children leaving care by route and financial year");
  table.set_columns({"Route", "Average", "5%", "Median", "95%"}, {false, true, true, true, true});
  for (size_t y = 0; y < years.size(); ++y) {
    table.add_group_heading(year_name(y));
    for (size_t route = 0; route < routes; ++route) {
      std::vector<TableCell> cells{TableCell::number(summary.mean(y, route), detail::show_average(summary.mean(y, route)))};
      for (size_t q = 0; q < summary.probabilities().size(); ++q) {
        double value = summary.quantile(y, route, q);
        cells.push_back(TableCell::number(value, detail::show_percentile(value)));
      }
      bool total = route == exits;
      table.add_row(total ? "All exits" : names[route], cells,
                    std::to_string(years[y]) + "/" + (total ? std::string("all") : scenario.exits[route].id), total ? "total" : "");
    }
  }
  return ReportSection{"exits", "Leaving care, by route and financial year", html, "", table.render()};
}

}  // namespace caseflow
