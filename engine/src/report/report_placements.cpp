// The average number of children in each placement type over time, stacked, and the table behind it
// (placements_summary.csv): where the children live, which is what their costs follow.

#include <algorithm>

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "caseflow/report/svg_chart.hpp"
#include "report_support.hpp"

namespace caseflow {

std::optional<ReportSection> placements_section(const RunReportData& data) {
  if (!data.summary.placements || data.layout().placement_categories == 0 || data.layout().months() == 0) return std::nullopt;
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

  const size_t parts = detail::average_table_count(types);
  std::string html = "<figure>\n<p>Where the children in care live: the average number in each type of placement, stacked. "
                     "Costs follow these placements, so a shift between types (from foster care to a children's home, say) "
                     "changes what a year of care costs even when the number in care stays the same. The legend lists the "
                     "types from the top of the stack down.</p>\n" + chart.render() + "<figcaption>Average over " +
                     format_whole(data.replications()) + " simulations at the start of each month. The numbers are in "
                     "<a href=\"#table-by-placement-1\">the data table" + std::string(parts > 1 ? "s" : "") +
                     "</a>.</figcaption>\n</figure>\n";

  const std::string tables =
      detail::average_tables(data, "table-by-placement", "Average children by placement type", names, means);
  return ReportSection{"by-placement", "Children by placement type", html, "", tables};
}

}  // namespace caseflow
