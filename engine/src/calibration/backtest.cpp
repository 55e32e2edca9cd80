#include "caseflow/calibration/backtest.hpp"

#include <cstdio>

#include "caseflow/base/csv_writer.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/base/number_format.hpp"
#include "caseflow/sim/simulation.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

BacktestResult run_backtest(const CareHistories& histories, const Ssda903Mapping& mapping, const BacktestOptions& options) {
  if (options.months < 1) throw InputError("backtest", "months", "must be at least 1");
  Date as_of = options.calibration.as_of;
  Date last = add_months(as_of, options.months);
  if (!histories.coverage_end || !(last < *histories.coverage_end))
    throw InputError("backtest", "months",
                     "forecasting " + std::to_string(options.months) + " months from " + format_iso_date(as_of) + " reaches " +
                         format_iso_date(last) + ", beyond the data" +
                         (histories.coverage_end ? " (they end on " + format_iso_date(*histories.coverage_end - std::chrono::days{1}) + ")"
                                                 : std::string()));
  BacktestResult result;
  CalibrationOptions calibration = options.calibration;
  calibration.horizon_months = options.months;
  result.calibration = calibrate(histories, mapping, calibration);

  Simulation simulation(result.calibration.scenario);
  RunResults run = run_replications(simulation, options.run);
  CellSummary summary = summarize_cells(run.stocks, {0.05, 0.25, 0.5, 0.75, 0.95});
  const OutputLayout& layout = run.layout;
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    Date date = layout.snapshot_dates[k];
    std::vector<int> observed = observed_stock(histories, date, mapping.states.size());
    int total = 0;
    for (int count : observed) total += count;
    for (size_t column = 0; column < layout.stock_columns.size(); ++column) {
      size_t cell = layout.stock_cell(k, column);
      BacktestRow row;
      row.date = date;
      row.months_ahead = static_cast<int>(k);
      row.state = layout.stock_columns[column];
      row.observed = column == layout.in_care_column() ? total : observed[column];
      row.mean = summary.mean(static_cast<Eigen::Index>(cell));
      row.p05 = summary.quantiles(static_cast<Eigen::Index>(cell), 0);
      row.p25 = summary.quantiles(static_cast<Eigen::Index>(cell), 1);
      row.p50 = summary.quantiles(static_cast<Eigen::Index>(cell), 2);
      row.p75 = summary.quantiles(static_cast<Eigen::Index>(cell), 3);
      row.p95 = summary.quantiles(static_cast<Eigen::Index>(cell), 4);
      result.rows.push_back(row);
    }
  }
  return result;
}

void write_backtest_csv(const BacktestResult& result, std::ostream& out) {
  out << "date,months_ahead,state,observed,mean,p05,p25,p50,p75,p95,error,in_50,in_90\n";
  for (const auto& row : result.rows)
    out << format_iso_date(row.date) << ',' << row.months_ahead << ',' << csv_text_cell(row.state) << ',' << row.observed << ','
        << format_number(row.mean) << ',' << format_number(row.p05) << ',' << format_number(row.p25) << ','
        << format_number(row.p50) << ',' << format_number(row.p75) << ',' << format_number(row.p95) << ','
        << format_number(row.error()) << ',' << (row.in_50() ? 1 : 0) << ',' << (row.in_90() ? 1 : 0) << '\n';
}

void write_backtest_text(const BacktestResult& result, std::ostream& out) {
  char line[256];
  auto print_row = [&](const BacktestRow& row, const std::string& first) {
    std::snprintf(line, sizeof line, "%-26s %8d %8.1f %7.1f %7.1f %7.1f %7.1f %+8.1f %5s %5s\n", first.c_str(), row.observed,
                  row.mean, row.p05, row.p50, row.p95, row.p25 <= row.p75 ? row.p75 - row.p25 : 0.0, row.error(),
                  row.in_50() ? "yes" : "no", row.in_90() ? "yes" : "no");
    out << line;
  };
  const char* header = "%-26s %8s %8s %7s %7s %7s %7s %8s %5s %5s\n";
  const CalibrationResult& calibration = result.calibration;
  out << "Back-test: fitted on " << format_iso_date(calibration.window_start) << " to " << format_iso_date(calibration.as_of);
  if (calibration.transitions_window_start != calibration.window_start)
    out << " (the waiting times on " << format_iso_date(calibration.transitions_window_start) << " to "
        << format_iso_date(calibration.as_of) << ")";
  out << ", forecast from " << format_iso_date(calibration.as_of) << "\n\nChildren in care (in_care), by month:\n";
  std::snprintf(line, sizeof line, header, "date", "observed", "mean", "p05", "p50", "p95", "IQR", "error", "in50", "in90");
  out << line;
  int last_month = result.rows.empty() ? 0 : result.rows.back().months_ahead;
  for (const auto& row : result.rows)
    if (row.state == "in_care") print_row(row, format_iso_date(row.date));
  out << "\nBy state, " << last_month << " months ahead:\n";
  std::snprintf(line, sizeof line, header, "state", "observed", "mean", "p05", "p50", "p95", "IQR", "error", "in50", "in90");
  out << line;
  for (const auto& row : result.rows)
    if (row.months_ahead == last_month) print_row(row, row.state);
  int cells = 0, in50 = 0, in90 = 0;
  for (const auto& row : result.rows)
    if (row.months_ahead > 0) {
      ++cells;
      in50 += row.in_50();
      in90 += row.in_90();
    }
  out << "\nOver all " << cells << " forecast cells (months 1-" << last_month << ", every state and in_care): " << in50
      << " in the 50% band, " << in90 << " in the 90% band (cells of one back-test are correlated: a guide, not a test).\n";
}

}  // namespace caseflow
