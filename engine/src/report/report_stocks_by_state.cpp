// The average number of children in each state over time, stacked, and the table behind it.

#include <algorithm>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

ReportSection stocks_by_state_section(const RunReportData& data) {
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
                     std::string(detail::average_table_count(states + 1) > 1 ? "s" : "") + "</a>.</figcaption>\n</figure>\n";

  // The tables add the number in care, the top of the stack, as a last column.
  names.emplace_back("All in care");
  means.emplace_back(layout.snapshots());
  for (size_t k = 0; k < layout.snapshots(); ++k) means.back()[k] = data.stock_mean(k, in_care);
  const std::string tables = detail::average_tables(data, "table-by-state", "Average children in care by state", names, means);
  return {"by-state", "Children in care by state", html, "", tables};
}

}  // namespace caseflow
