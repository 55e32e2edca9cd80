// The fan chart of all children in care, with the comparators, and the table behind it.

#include <algorithm>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

ReportSection children_in_care_section(const RunReportData& data) {
  const OutputLayout& layout = data.layout();
  const size_t in_care = layout.in_care_column(), last = layout.snapshots() - 1;
  std::vector<double> x = detail::snapshot_positions(data);
  std::vector<std::vector<double>> quantile(kStockQuantiles.size(), std::vector<double>(layout.snapshots()));
  double highest = 0;
  for (size_t k = 0; k < layout.snapshots(); ++k)
    for (size_t q = 0; q < kStockQuantiles.size(); ++q) {
      quantile[q][k] = data.stock_quantile(k, in_care, q);
      highest = std::max(highest, quantile[q][k]);
    }
  double lowest = highest;
  for (const auto& band : quantile) lowest = std::min(lowest, *std::min_element(band.begin(), band.end()));
  for (const auto& comparator : data.scenario.comparators) {
    highest = std::max(highest, comparator.count);
    lowest = std::min(lowest, comparator.count);
  }
  // What was observed before the start, joined to the count at the start, where the forecast takes over.
  const Date start = layout.snapshot_dates.front();
  const std::vector<HistoryPoint>& history = data.scenario.history;
  std::vector<double> observed_x, observed;
  for (const HistoryPoint& point : history) {
    observed_x.push_back(static_cast<double>(days_between(start, point.date)));
    observed.push_back(point.in_care);
    highest = std::max(highest, point.in_care);
    lowest = std::min(lowest, point.in_care);
  }
  if (!history.empty()) {
    observed_x.push_back(0);
    observed.push_back(data.stock_mean(0, in_care));
  }

  std::string description = "Children in care from " + format_long_date(layout.snapshot_dates.front()) + " (" +
                            detail::show_count(data.stock_mean(0, in_care)) + ") to " + format_long_date(layout.snapshot_dates.back()) +
                            ": median " + detail::show_percentile(quantile[2][last]) + ", 90% of simulations between " +
                            detail::show_percentile(quantile[0][last]) + " and " + detail::show_percentile(quantile[4][last]) + " at the end.";
  for (const auto& comparator : data.scenario.comparators)
    description += " Comparator " + detail::comparator_name(comparator) + ": " + format_trimmed(comparator.count, 1) + ".";
  if (!history.empty()) {
    description += " Observed before the start:";
    for (size_t h = 0; h < history.size(); ++h)
      description += (h ? ", " : " ") + format_long_date(history[h].date) + " " + detail::show_count(history[h].in_care);
    description += ".";
  }
  SvgChart chart("chart-in-care", history.empty() ? "Children in care, median and ranges of the simulations"
                                                  : "Children in care, observed and forecast: median and ranges of the simulations",
                 description);
  chart.set_size(760, 320);
  chart.set_x_axis(detail::snapshot_axis(data, observed_x.empty() ? 0.0 : observed_x.front()));
  // From zero unless everything sits high above it, where a zero would squash the bands into a line;
  // the axis is then labelled from a round number so the break is plain to see.
  chart.set_y_axis(detail::count_axis(highest, "Children in care", lowest > 0.5 * highest ? lowest : 0));
  SeriesStyle outer, inner, median;
  outer.fill = Colour::from_oklch(0.90, 0.035, 245);
  inner.fill = Colour::from_oklch(0.74, 0.075, 245);
  median.stroke = Colour::from_oklch(0.30, 0.09, 245);
  median.stroke_width = 2.5;
  chart.add_band(x, quantile[0], quantile[4], outer, "90% of simulations");
  chart.add_band(x, quantile[1], quantile[3], inner, "50% of simulations");
  chart.add_line(x, quantile[2], median, "Median");
  if (!history.empty()) {
    SeriesStyle observed_style;
    observed_style.stroke = Colour{26, 26, 26};
    observed_style.stroke_width = 1.5;
    observed_style.marker_radius = 3.5;
    chart.add_line(observed_x, observed, observed_style, "Observed");
  }
  auto line_styles = dashed_line_styles(data.scenario.comparators.size());
  for (size_t c = 0; c < data.scenario.comparators.size(); ++c) {
    const Comparator& comparator = data.scenario.comparators[c];
    chart.add_reference_line(comparator.count, line_styles[c],
                             detail::comparator_name(comparator) + ": " + format_trimmed(comparator.count, 1));
  }

  // The introduction inside the figure, so that a printed page never parts it from its chart.
  std::string html = "<figure>\n<p>The line is the median of the simulations: half are above it, half below. The darker band holds "
                     "the middle 50% of simulations, the lighter band 90%.";
  if (!history.empty())
    html += std::string(" The dots joined by a line are the numbers observed before the forecast, up to the count at its start; ") +
            (data.options.assumptions_on_page ? "their sources are listed under <a href=\"#assumptions\">Assumptions</a>."
                                              : "their sources are in the scenario's notes.");
  if (!data.scenario.comparators.empty()) html += " Dashed lines are the comparators, each named along its line.";
  html += "</p>\n" + chart.render() + "<figcaption>Children in care at the start of each month, " +
          format_whole(data.replications()) + " simulations" + (history.empty() ? "" : ", and as observed before the start") +
          ". The numbers are in <a href=\"#table-in-care\">the data table</a>.</figcaption>\n</figure>\n";

  // Observed counts first, in a column of their own (their rows keyed "observed/DATE"); the simulations' rows
  // keep the columns of summary.csv.
  HtmlTable table("table-in-care", history.empty() ? "Children in care: average and percentiles of the simulations"
                                                   : "Children in care: observed, then the average and percentiles of the simulations");
  std::vector<std::string> headings{"Date", "Average", "5%", "25%", "Median", "75%", "95%"};
  if (!history.empty()) headings.insert(headings.begin() + 1, "Observed");
  std::vector<bool> numeric(headings.size(), true);
  numeric[0] = false;
  table.set_columns(headings, numeric);
  for (const HistoryPoint& point : history) {
    std::vector<TableCell> cells{TableCell::number(point.in_care, detail::show_count(point.in_care))};
    cells.resize(headings.size() - 1, TableCell::text(""));
    table.add_row(format_long_date(point.date), cells, "observed/" + format_iso_date(point.date), "observed");
  }
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    std::vector<TableCell> cells;
    if (!history.empty()) cells.push_back(TableCell::text(""));
    cells.push_back(TableCell::number(data.stock_mean(k, in_care), detail::show_average(data.stock_mean(k, in_care))));
    for (size_t q = 0; q < kStockQuantiles.size(); ++q) cells.push_back(TableCell::number(quantile[q][k], detail::show_percentile(quantile[q][k])));
    table.add_row(format_long_date(layout.snapshot_dates[k]), cells, format_iso_date(layout.snapshot_dates[k]));
  }
  return {"children-in-care", "Children in care", html, "", table.render()};
}

}  // namespace caseflow
