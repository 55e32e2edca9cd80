#include "caseflow/output/backtest_tables.hpp"

#include <cstdio>

namespace caseflow {

OutputTable backtest_forecast_table(const RollingBacktest& backtest) {
  using Kind = OutputTable::Kind;
  OutputTable table({{"origin", Kind::date}, {"horizon_years", Kind::number}, {"date", Kind::date}, {"observed", Kind::number},
                     {"mean", Kind::number}, {"p05", Kind::number}, {"p25", Kind::number}, {"p50", Kind::number},
                     {"p75", Kind::number}, {"p95", Kind::number}, {"naive_last", Kind::number}, {"naive_trend", Kind::number},
                     {"in_50", Kind::number}, {"in_90", Kind::number}});
  for (const BacktestForecast& f : backtest.forecasts)
    table.date(f.origin)
        .number(f.horizon_years)
        .date(f.date)
        .number(f.observed)
        .number(f.mean)
        .number(f.p05)
        .number(f.p25)
        .number(f.p50)
        .number(f.p75)
        .number(f.p95)
        .number(f.naive_last)
        .number(f.naive_trend)
        .number(f.in_50() ? 1 : 0)
        .number(f.in_90() ? 1 : 0);
  return table;
}

OutputTable backtest_score_table(const std::vector<HorizonScore>& scores) {
  using Kind = OutputTable::Kind;
  OutputTable table({{"horizon_years", Kind::number}, {"forecasts", Kind::number}, {"mape_model", Kind::number},
                     {"mape_last", Kind::number}, {"mape_trend", Kind::number}, {"bias", Kind::number},
                     {"coverage_50", Kind::number}, {"coverage_90", Kind::number}});
  for (const HorizonScore& s : scores)
    table.number(s.horizon_years)
        .number(s.forecasts)
        .number(s.mape_model)
        .number(s.mape_last)
        .number(s.mape_trend)
        .number(s.bias)
        .number(s.coverage_50)
        .number(s.coverage_90);
  return table;
}

void write_backtest_scores_text(const RollingBacktest& backtest, const std::vector<HorizonScore>& scores, std::ostream& out) {
  char line[200];
  out << "Back-test from " << backtest.origins.size() << " origins, " << format_iso_date(backtest.origins.front()) << " to "
      << format_iso_date(backtest.origins.back()) << ", each fitted on the data before it alone.\n"
      << "Children in care: mean absolute percentage error of the forecast mean and of two naive forecasts (the last\n"
      << "count carried forward; a straight line through the last three years), and how often the bands held.\n\n";
  std::snprintf(line, sizeof line, "%-8s %9s %9s %9s %9s %8s %9s %9s\n", "horizon", "forecasts", "caseflow", "last",
                "trend", "bias", "50% band", "90% band");
  out << line;
  for (const HorizonScore& s : scores) {
    std::snprintf(line, sizeof line, "%-8s %9d %8.1f%% %8.1f%% %8.1f%% %+7.1f%% %8.0f%% %8.0f%%\n",
                  (std::to_string(s.horizon_years) + (s.horizon_years == 1 ? " year" : " years")).c_str(), s.forecasts,
                  100 * s.mape_model, 100 * s.mape_last, 100 * s.mape_trend, 100 * s.bias, 100 * s.coverage_50,
                  100 * s.coverage_90);
    out << line;
  }
  out << "\nOne council's origins overlap and share its history: a guide to this council, not a test of coverage,\n"
      << "which needs many councils (docs/calibration.md).\n";
}

}  // namespace caseflow
