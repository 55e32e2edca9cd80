#pragma once
// Back-testing as a forecast is judged: from every origin (each 31 March with enough data before it), fit a
// scenario on the data up to the origin alone, forecast, and set the forecast of children in care 1, 2 and 3
// years ahead against what the data say happened, beside the two forecasts a council analyst would make
// without a model (the last count carried forward; a straight line through the last three years' counts).
// Scored by stats/backtest_scores.hpp: mean absolute percentage error per horizon, and how often the 50% and
// 90% bands held the outcome.

#include <functional>
#include <vector>

#include "caseflow/calibration/calibration.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/backtest_scores.hpp"

namespace caseflow {

struct RollingBacktestOptions {
  CalibrationOptions calibration;  // as_of and horizon_months are set for each origin
  std::vector<int> horizons_years{1, 2, 3};
  int min_history_years = 3;       // whole years of data before the first origin
  int every_years = 1;             // an origin every this many years, counting back from the last
  RunOptions run;
  // Called after each origin's forecast (origins done, origins in all).
  std::function<void(size_t done, size_t total)> on_origin;
};

// The 31 March origins with `min_history_years` of data before them and at least one horizon's outcome after,
// every `every_years` years back from the last.
// Throws InputError (source "backtest") when there is none.
std::vector<Date> backtest_origins(const CareHistories& histories, const RollingBacktestOptions& options);

RollingBacktest run_rolling_backtest(const CareHistories& histories, const Ssda903Mapping& mapping,
                                           const RollingBacktestOptions& options);

}  // namespace caseflow
