#pragma once
// Back-testing: fit a scenario on the data up to a date, forecast the following months, and set the
// forecast against what the data say happened: per month and state (and "in_care"), the observed
// count, the forecast mean and quantiles, the error, and whether the count fell in the 50% band
// (p25-p75) and the 90% band (p05-p95).

#include <ostream>
#include <string>
#include <vector>

#include "caseflow/calibration/calibration.hpp"
#include "caseflow/sim/runner.hpp"

namespace caseflow {

struct BacktestOptions {
  CalibrationOptions calibration;  // calibration.as_of is the end of the fit and the start of the forecast
  int months = 12;                 // months forecast; the data must cover them
  RunOptions run;                  // replications, seed, threads, uncertainty
};

struct BacktestRow {
  Date date{};
  int months_ahead = 0;
  std::string state;  // a state id or "in_care"
  int observed = 0;
  double mean = 0, p05 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
  double error() const { return mean - observed; }
  bool in_50() const { return p25 <= observed && observed <= p75; }
  bool in_90() const { return p05 <= observed && observed <= p95; }
};

struct BacktestResult {
  CalibrationResult calibration;
  std::vector<BacktestRow> rows;  // by month, then state in scenario order, then in_care
};

// Throws InputError (source "backtest") when the data do not cover the months forecast.
BacktestResult run_backtest(const CareHistories& histories, const Ssda903Mapping& mapping, const BacktestOptions& options);

// date,months_ahead,state,observed,mean,p05,p25,p50,p75,p95,error,in_50,in_90
void write_backtest_csv(const BacktestResult& result, std::ostream& out);
// A table for people: in_care every month, every state at the last month, and how often the bands held.
void write_backtest_text(const BacktestResult& result, std::ostream& out);

}  // namespace caseflow
