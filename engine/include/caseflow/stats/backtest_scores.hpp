#pragma once
// How good forecasts were, judged by what happened next: for forecasts made at several origins and horizons,
// each horizon's mean absolute percentage error against two forecasts a council analyst would make without a
// model (the last count carried forward, and a straight line through the last three years' counts), and how
// often the 50% and 90% bands held what happened.

#include <vector>

#include "caseflow/base/calendar.hpp"

namespace caseflow {

// One forecast of children in care, made at `origin` for `date` (horizon_years later), and what happened.
struct BacktestForecast {
  Date origin{};
  int horizon_years = 0;
  Date date{};
  double observed = 0;
  double mean = 0, p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
  double naive_last = 0;   // the count at the origin
  double naive_trend = 0;  // the least-squares line through the counts of the origin and the three years before it
  bool in_50() const { return p25 <= observed && observed <= p75; }
  bool in_90() const { return p05 <= observed && observed <= p95; }
};

// The forecast made at one origin, month by month: the fan drawn against what happened.
struct OriginFan {
  Date origin{};
  std::vector<Date> dates;
  std::vector<double> mean, p05, p25, p75, p95;
};

// A back-test from several origins (calibration/rolling_backtest.hpp makes one).
struct RollingBacktest {
  Date data_start{};                        // the data window's start (1 April of the first collection year)
  std::vector<Date> origins;
  std::vector<BacktestForecast> forecasts;  // by origin, then horizon
  std::vector<OriginFan> fans;
  std::vector<Date> observed_dates;         // children in care at 00:00 of each month's date, over the data
  std::vector<double> observed;
};

struct HorizonScore {
  int horizon_years = 0;
  int forecasts = 0;
  double mape_model = 0, mape_last = 0, mape_trend = 0;  // mean |forecast - observed| / observed, as shares
  double bias = 0;                                       // mean (model mean - observed) / observed
  double coverage_50 = 0, coverage_90 = 0;               // shares of forecasts whose band held what happened
};

// One score per horizon present, in order of horizon; forecasts whose observed count is 0 are left out of the
// percentage errors (and counted in the coverage).
std::vector<HorizonScore> score_backtest(const std::vector<BacktestForecast>& forecasts);

// The least-squares line through (years before the origin, count) points, evaluated `years_ahead` after the
// origin: the naive trend forecast. With one point, that point.
struct CountAt {
  double years_from_origin = 0;  // 0 at the origin, -1 a year before it
  double count = 0;
};
double linear_trend_forecast(const std::vector<CountAt>& points, double years_ahead);

}  // namespace caseflow
