// The average number of children in each state over time, stacked, and the table behind it.

#include <algorithm>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

ReportSection stocks_by_state_section(const RunReportData& data) {
  // At most six columns to a table, so that each fits a printed page; together they hold every state.
  constexpr size_t kColumnsPerTable = 6;
  const OutputLayout& layout = data.layout();
  const size_t states = data.scenario.states.size(), in_care = layout.in_care_column();
  std::vector<std::vector<double>> means(states, std::vector<double>(layout.snapshots()));
  std::vector<std::string> names;
  double highest = 0;
  for (size_t s = 0; s < states; ++s) {
    names.push_back(data.state_name(s));
    for (size_t k = 0; k < layout.snapshots(); ++k) means[s][k] = data.stock_mean(k, s);
  }
  for (size_t k = 0; k < layout.snapshots(); ++k) highest = std::max(highest, data.stock_mean(k, in_care));

  SvgChart chart = detail::stacked_averages_chart(
      data, "chart-by-state", "Average children in care by state", "Children in care (average)", names, means, highest);

  // The introduction inside the figure, so that a printed page never parts it from its chart.
  std::string html = "<figure>\n<p>The average number of children in each state, stacked: the top of the stack is the average number "
                     "in care. The legend lists the states from the top of the stack down.</p>\n" + chart.render() +
                     "<figcaption>Average over " + format_whole(data.replications()) +
                     " simulations at the start of each month. The numbers are in <a href=\"#table-by-state-1\">the data table" +
                     std::string(states + 1 > kColumnsPerTable ? "s" : "") + "</a>.</figcaption>\n</figure>\n";

  std::string tables;
  const size_t columns = states + 1, parts = (columns + kColumnsPerTable - 1) / kColumnsPerTable;
  for (size_t part = 0; part < parts; ++part) {
    size_t first = part * columns / parts, end = (part + 1) * columns / parts;  // balanced parts
    std::string caption = "Average children in care by state";
    if (parts > 1) caption += " (part " + std::to_string(part + 1) + " of " + std::to_string(parts) + ")";
    HtmlTable table("table-by-state-" + std::to_string(part + 1), caption);
    std::vector<std::string> headings{"Date"};
    for (size_t column = first; column < end; ++column) headings.push_back(column < states ? names[column] : "All in care");
    std::vector<bool> numeric(headings.size(), true);
    numeric[0] = false;
    table.set_columns(headings, numeric);
    for (size_t k = 0; k < layout.snapshots(); ++k) {
      std::vector<TableCell> cells;
      for (size_t column = first; column < end; ++column)
        cells.push_back(TableCell::number(data.stock_mean(k, column), detail::show_average(data.stock_mean(k, column))));
      table.add_row(format_long_date(layout.snapshot_dates[k]), cells, format_iso_date(layout.snapshot_dates[k]));
    }
    tables += table.render();
  }
  return {"by-state", "Children in care by state", html, "", tables};
}

}  // namespace caseflow
