#pragma once
// The sections of a run's report, each made by its own function from the run's summary (computed once, by
// summarize_run, for the CSV files as well), so that other reports (a strategy comparison, costs) can reuse
// some of them and add sections of their own.

#include <optional>
#include <vector>

#include "caseflow/report/report_document.hpp"
#include "caseflow/report/report_run.hpp"
#include "caseflow/stats/run_summary.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

// The snapshot that stands for the count of children in care on 31 March (a financial year end): the
// month start nearest to 00:00 on 1 April, when it is within 15 days. Stocks are counted at 00:00, so a
// snapshot on 1 April is exactly the count at the end of 31 March.
struct YearEndSnapshot {
  int financial_year = 0;  // the year ending: 2021 means 2021-22, ending 31 March 2022
  Date year_end;           // 31 March
  size_t snapshot = 0;     // index into OutputLayout::snapshot_dates; never 0 (the start)
};
std::vector<YearEndSnapshot> year_end_snapshots(const OutputLayout& layout);

// What the sections share: the scenario, the run, and the run's summary, whose tables the CSV files hold.
struct RunReportData {
  RunReportData(const Scenario& scenario, const RunResults& results, const RunSummary& summary, RunReportOptions options);

  const Scenario& scenario;
  const RunResults& results;
  const RunSummary& summary;
  RunReportOptions options;
  std::vector<YearEndSnapshot> year_ends;

  // The layers of uncertainty the run's bands hold, and those the scenario states at all (which a run asking
  // for fewer leaves out).
  HeldUncertainty held, stated;

  int replications() const { return summary.replications; }
  const OutputLayout& layout() const { return results.layout; }
  // Mean or quantile (index into kStockQuantiles) of a stock cell.
  double stock_mean(size_t snapshot, size_t column) const { return summary.stocks.mean(snapshot, column); }
  double stock_quantile(size_t snapshot, size_t column, size_t quantile) const {
    return summary.stocks.quantile(snapshot, column, quantile);
  }
  // The label a reader sees for a state or exit: its label, or its id when it has none.
  std::string state_name(size_t state) const;
  std::string exit_name(size_t exit) const;
};

ReportSection summary_section(const RunReportData& data);
// In plain words, what the bands hold (chance, parameters, drift) and what they cannot (events no scenario lists).
std::string uncertainty_in_words(const RunReportData& data);
// For the top of the first page when the bands hold chance alone (far narrower than real forecast errors):
// why, and how to add uncertainty; "" otherwise.
std::string chance_alone_notice(const RunReportData& data);
// "What the range holds": the 90% range of children in care on each 31 March (and the total cost of each
// financial year) with the share of its variance due to each source. Empty without the variance sources.
std::optional<ReportSection> range_sources_section(const RunReportData& data);
ReportSection children_in_care_section(const RunReportData& data);
ReportSection stocks_by_state_section(const RunReportData& data);
// Children in care by age band at the start and every twelve months (report_age_bands.cpp).
std::optional<ReportSection> age_bands_section(const RunReportData& data);
// Children by placement type (placements_summary.csv); empty for a scenario without placement types.
std::optional<ReportSection> placements_section(const RunReportData& data);
// Empty (nullopt) for a scenario without exits.
std::optional<ReportSection> exits_by_year_section(const RunReportData& data);
// Empty for a run without costs (no RunSummary::costs).
std::optional<ReportSection> costs_section(const RunReportData& data);
ReportSection assumptions_section(const Scenario& scenario);
ReportSection method_section(const RunReportData& data);

}  // namespace caseflow
