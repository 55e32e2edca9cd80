#pragma once
// Children leaving care by route in each financial year (1 April to 31 March), as the run's report shows
// them: a month of flows counts in the financial year that holds most of its days, and each replication's exits
// are added up by year before the mean and quantiles are taken.

#include <cstddef>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/summary_grid.hpp"

namespace caseflow {

struct ExitsByYear {
  std::vector<int> financial_years;  // each named by the year it starts in (2021 for 2021/22), in order
  std::vector<size_t> months;        // how many of the forecast's months each holds
  // A row per financial year; a column per exit of the scenario, in its order, then all exits together;
  // kFlowQuantiles.
  SummaryGrid exits;

  size_t all_exits_column() const { return exits.columns - 1; }
};

// `results` must come from running `scenario`. No years when the forecast has no months.
ExitsByYear summarize_exits_by_year(const RunResults& results, const Scenario& scenario);

}  // namespace caseflow
