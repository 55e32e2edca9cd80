// The average number of children in each placement type over time, stacked, and the table behind it
// (placements_summary.csv): where the children live, which is what their costs follow.

#include <algorithm>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

std::optional<ReportSection> placements_section(const RunReportData& data) {
  if (!data.summary.placements || data.layout().placement_categories == 0 || data.layout().months() == 0) return std::nullopt;
  // At most six columns to a table, so that each fits a printed page; together they hold every type.
  constexpr size_t kColumnsPerTable = 6;
  const OutputLayout& layout = data.layout();
  const SummaryGrid& placements = *data.summary.placements;
  const size_t types = layout.placement_categories;
  std::vector<std::vector<double>> means(types, std::vector<double>(layout.snapshots()));
  std::vector<std::string> names;
  double highest = 0;
  for (size_t t = 0; t < types; ++t) {
    names.push_back(detail::cost_category_name(data.scenario, layout, t));
    for (size_t k = 0; k < layout.snapshots(); ++k) means[t][k] = placements.mean(k, t);
  }
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    double stacked = 0;
    for (size_t t = 0; t < types; ++t) stacked += means[t][k];
    highest = std::max(highest, stacked);
  }

  SvgChart chart = detail::stacked_averages_chart(
      data, "chart-by-placement", "Average children by placement type", "Children in placements (average)", names, means, highest);

  const size_t parts = (types + kColumnsPerTable - 1) / kColumnsPerTable;
  std::string html = "<figure>\n<p>Where the children in care live: the average number in each type of placement, stacked. "
                     "Costs follow these placements, so a shift between types (from foster care to a children's home, say) "
                     "changes what a year of care costs even when the number in care stays the same. The legend lists the "
                     "types from the top of the stack down.</p>\n" + chart.render() + "<figcaption>Average over " +
                     format_whole(data.replications()) + " simulations at the start of each month. The numbers are in "
                     "<a href=\"#table-by-placement-1\">the data table" + std::string(parts > 1 ? "s" : "") +
                     "</a>.</figcaption>\n</figure>\n";

  std::string tables;
  for (size_t part = 0; part < parts; ++part) {
    size_t first = part * types / parts, end = (part + 1) * types / parts;  // balanced parts
    std::string caption = "Average children by placement type";
    if (parts > 1) caption += " (part " + std::to_string(part + 1) + " of " + std::to_string(parts) + ")";
    HtmlTable table("table-by-placement-" + std::to_string(part + 1), caption);
    std::vector<std::string> headings{"Date"};
    for (size_t t = first; t < end; ++t) headings.push_back(names[t]);
    std::vector<bool> numeric(headings.size(), true);
    numeric[0] = false;
    table.set_columns(headings, numeric);
    for (size_t k = 0; k < layout.snapshots(); ++k) {
      std::vector<TableCell> cells;
      for (size_t t = first; t < end; ++t) cells.push_back(TableCell::number(means[t][k], detail::show_average(means[t][k])));
      table.add_row(format_long_date(layout.snapshot_dates[k]), cells, format_iso_date(layout.snapshot_dates[k]));
    }
    tables += table.render();
  }
  return ReportSection{"by-placement", "Children by placement type", html, "", tables};
}

}  // namespace caseflow
