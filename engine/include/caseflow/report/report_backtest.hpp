#pragma once
// The page of a back-test from several origins (`caseflow backtest --rolling`, backtest.html): how the
// forecasts did against what happened and against the naive forecasts, and one chart per origin of its
// forecast (median, 50% and 90% bands) over the children in care the data record.

#include <string>
#include <vector>

#include "caseflow/stats/backtest_scores.hpp"

namespace caseflow {

// `source`: what the data were (the episodes files), for the page's lead.
std::string render_backtest_report(const RollingBacktest& backtest, const std::vector<HorizonScore>& scores,
                                   const std::string& source);

}  // namespace caseflow
