#include "caseflow/calibration/rolling_backtest.hpp"

#include <algorithm>

#include "caseflow/base/input_error.hpp"
#include "caseflow/sim/simulation.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

namespace {

constexpr const char* kSource = "backtest";

double in_care_on(const CareHistories& histories, const Ssda903Mapping& mapping, Date date) {
  std::vector<int> counts = observed_stock(histories, date, mapping.states.size());
  double total = 0;
  for (int count : counts) total += count;
  return total;
}

// The last day whose count at 00:00 the data can tell: the day before the data end.
bool observable(const CareHistories& histories, Date date) { return date < *histories.coverage_end; }

Date data_start(const CareHistories& histories, const RollingBacktestOptions& options) {
  return options.calibration.window_start.value_or(*histories.first_collection_year_start);
}

}  // namespace

std::vector<Date> backtest_origins(const CareHistories& histories, const RollingBacktestOptions& options) {
  if (!histories.coverage_end || !histories.first_collection_year_start)
    throw InputError(kSource, "", "no usable episodes to back-test on");
  if (options.horizons_years.empty()) throw InputError(kSource, "horizons", "needs at least one horizon");
  const int shortest = *std::min_element(options.horizons_years.begin(), options.horizons_years.end());
  const Date start = data_start(histories, options);
  std::vector<Date> origins;
  using namespace std::chrono;
  for (int year = static_cast<int>(year_month_day{start}.year()) + 1;; ++year) {
    Date origin = sys_days{std::chrono::year{year} / March / 31};
    if (!observable(histories, add_months(origin, 12 * shortest))) break;
    if (add_months(start, 12 * options.min_history_years) <= origin + days{1}) origins.push_back(origin);
  }
  if (options.every_years > 1 && !origins.empty()) {
    std::vector<Date> spaced;
    for (size_t k = origins.size(); k-- > 0;)
      if ((origins.size() - 1 - k) % static_cast<size_t>(options.every_years) == 0) spaced.insert(spaced.begin(), origins[k]);
    origins = spaced;
  }
  if (origins.empty())
    throw InputError(kSource, "origins",
                     "the data (" + format_iso_date(start) + " to " + format_iso_date(*histories.coverage_end - days{1}) +
                         ") hold no 31 March with " + std::to_string(options.min_history_years) +
                         " years of data before it and " + std::to_string(shortest) + " after it");
  return origins;
}

RollingBacktest run_rolling_backtest(const CareHistories& histories, const Ssda903Mapping& mapping,
                                           const RollingBacktestOptions& options) {
  RollingBacktest result;
  result.origins = backtest_origins(histories, options);
  result.data_start = data_start(histories, options);
  const int longest = *std::max_element(options.horizons_years.begin(), options.horizons_years.end());

  for (size_t o = 0; o < result.origins.size(); ++o) {
    const Date origin = result.origins[o];
    int months = 12 * longest;
    while (months > 12 && !observable(histories, add_months(origin, months))) months -= 12;
    CalibrationOptions calibration = options.calibration;
    calibration.as_of = origin;
    calibration.horizon_months = months;
    CalibrationResult fitted = calibrate(histories, mapping, calibration);
    Simulation simulation(fitted.scenario);
    RunResults run = run_replications(simulation, options.run);
    const OutputLayout& layout = run.layout;
    CellSummary summary = summarize_cells(run.stocks, kStockQuantiles);
    auto cell = [&](size_t k) { return static_cast<Eigen::Index>(layout.stock_cell(k, layout.in_care_column())); };

    OriginFan fan;
    fan.origin = origin;
    for (size_t k = 0; k < layout.snapshots(); ++k) {
      fan.dates.push_back(layout.snapshot_dates[k]);
      fan.mean.push_back(summary.mean(cell(k)));
      fan.p05.push_back(summary.quantiles(cell(k), 0));
      fan.p25.push_back(summary.quantiles(cell(k), 1));
      fan.p75.push_back(summary.quantiles(cell(k), 3));
      fan.p95.push_back(summary.quantiles(cell(k), 4));
    }
    result.fans.push_back(std::move(fan));

    // The analyst's straight line: the counts of the origin and up to three 31 Marches before it, inside the data.
    std::vector<CountAt> past;
    for (int back = 3; back >= 0; --back) {
      Date date = add_months(origin, -12 * back);
      if (date >= result.data_start) past.push_back({-static_cast<double>(back), in_care_on(histories, mapping, date)});
    }
    for (int horizon : options.horizons_years) {
      const size_t k = static_cast<size_t>(12 * horizon);
      if (k >= layout.snapshots()) continue;
      BacktestForecast forecast;
      forecast.origin = origin;
      forecast.horizon_years = horizon;
      forecast.date = layout.snapshot_dates[k];
      forecast.observed = in_care_on(histories, mapping, forecast.date);
      forecast.mean = summary.mean(cell(k));
      forecast.p05 = summary.quantiles(cell(k), 0);
      forecast.p25 = summary.quantiles(cell(k), 1);
      forecast.p50 = summary.quantiles(cell(k), 2);
      forecast.p75 = summary.quantiles(cell(k), 3);
      forecast.p95 = summary.quantiles(cell(k), 4);
      forecast.naive_last = past.back().count;
      forecast.naive_trend = linear_trend_forecast(past, horizon);
      result.forecasts.push_back(forecast);
    }
    if (options.on_origin) options.on_origin(o + 1, result.origins.size());
  }

  const Date first = add_months(result.origins.front(), -12 * options.min_history_years);
  for (int m = 0;; ++m) {
    Date date = add_months(first, m);  // from the first date each time, so 31 March stays the 31st where it can
    if (!observable(histories, date)) break;
    if (date < result.data_start) continue;
    result.observed_dates.push_back(date);
    result.observed.push_back(in_care_on(histories, mapping, date));
  }
  return result;
}

}  // namespace caseflow
