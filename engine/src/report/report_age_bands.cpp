// Children in care by age band (0, 1-4, 5-9, 10-15, 16-17) at the start and every twelve months after: the
// table of age_bands_summary.csv, for the services that plan by age (nurseries and schools, leaving care).

#include "caseflow/base/uk_format.hpp"
#include "caseflow/report/html_table.hpp"
#include "caseflow/report/html_text.hpp"
#include "caseflow/report/report_run_sections.hpp"
#include "report_support.hpp"

namespace caseflow {

std::optional<ReportSection> age_bands_section(const RunReportData& data) {
  const OutputLayout& layout = data.layout();
  const SummaryGrid& bands = data.summary.age_bands;
  if (bands.rows() != layout.snapshots() || layout.snapshots() < 2) return std::nullopt;
  constexpr size_t kLow = 0, kHigh = 4;  // 5th and 95th percentiles in kStockQuantiles
  std::vector<size_t> shown;
  for (size_t k = 0; k < layout.snapshots(); k += 12) shown.push_back(k);
  if (shown.back() != layout.snapshots() - 1) shown.push_back(layout.snapshots() - 1);
  // A band no simulation ever has a child in (18+ with an age-out at 18) is left out.
  std::vector<size_t> rows;
  for (size_t b = 0; b < layout.age_bands.size(); ++b) {
    bool any = false;
    for (size_t k = 0; k < layout.snapshots(); ++k) any = any || bands.quantile(k, b, kHigh) > 0 || bands.mean(k, b) > 0;
    if (any || b + 1 < layout.age_bands.size()) rows.push_back(b);
  }

  HtmlTable table("table-by-age", "Children in care by age band: average, and the 90% range in brackets");
  std::vector<std::string> headings{"Age (years)"};
  for (size_t k : shown) headings.push_back(format_long_date(layout.snapshot_dates[k]));
  table.set_columns(headings, std::vector<bool>(headings.size(), true));
  for (size_t b : rows) {
    std::vector<TableCell> cells;
    for (size_t k : shown)
      cells.push_back(TableCell::number(bands.mean(k, b), detail::show_average(bands.mean(k, b)) + " (" +
                                                              detail::show_percentile(bands.quantile(k, b, kLow)) + "–" +
                                                              detail::show_percentile(bands.quantile(k, b, kHigh)) + ")"));
    table.add_row(layout.age_bands[b], cells, layout.age_bands[b]);
  }
  std::string html = "<p>Children in care by their age on each date, at the start and every twelve months after, from " +
                     format_whole(data.replications()) +
                     " simulations: the average, and in brackets the range that 90% of simulations fall in. Ages are "
                     "whole years on the day (a child of 4 years and 11 months is in 1-4). Every month is in "
                     "<code>age_bands_summary.csv</code>.</p>\n" +
                     table.render();
  return ReportSection{"by-age", "Children in care by age", html, "", ""};
}

}  // namespace caseflow
