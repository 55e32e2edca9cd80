#pragma once
// The files of a back-test from several origins (`caseflow backtest --rolling`): every forecast beside what
// happened and the two naive forecasts, the scores by horizon, and a table for the terminal.

#include <ostream>

#include "caseflow/output/output_table.hpp"
#include "caseflow/stats/backtest_scores.hpp"

namespace caseflow {

// backtest_origins.csv: origin,horizon_years,date,observed,mean,p05,p25,p50,p75,p95,naive_last,naive_trend,in_50,in_90
OutputTable backtest_forecast_table(const RollingBacktest& backtest);
// backtest_scores.csv: horizon_years,forecasts,mape_model,mape_last,mape_trend,bias,coverage_50,coverage_90
OutputTable backtest_score_table(const std::vector<HorizonScore>& scores);
// The scores in words and columns, for backtest.txt and the terminal.
void write_backtest_scores_text(const RollingBacktest& backtest, const std::vector<HorizonScore>& scores, std::ostream& out);

}  // namespace caseflow
