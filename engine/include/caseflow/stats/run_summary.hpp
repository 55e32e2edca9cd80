#pragma once
// Everything people read about a run, computed once from its replications: the tables of `caseflow run`'s
// summary files, and the figures its report adds. The CSV writers (output), the HTML report (report) and
// Python (bindings) all present these same tables, so they cannot disagree.

#include <optional>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/cost_summary.hpp"
#include "caseflow/stats/exits_by_year.hpp"
#include "caseflow/stats/in_care_chances.hpp"
#include "caseflow/stats/summary_grid.hpp"

namespace caseflow {

struct RunSummary {
  int replications = 0;
  // summary.csv: a row per snapshot date (layout.snapshot_dates), a column per stock column
  // (layout.stock_columns); kStockQuantiles.
  SummaryGrid stocks;
  // flows_summary.csv: a row per month (starting at layout.snapshot_dates[m]), a column per flow key
  // (layout.flows); kFlowQuantiles.
  SummaryGrid flows;
  // placements_summary.csv, when the scenario has placement types: a row per snapshot date, a column per
  // placement type (the first layout.placement_categories cost categories); kStockQuantiles.
  std::optional<SummaryGrid> placements;
  // age_bands_summary.csv: a row per snapshot date, a column per age band (layout.age_bands); kStockQuantiles.
  SummaryGrid age_bands;
  // costs_summary.csv, when the run has costs (has_costs).
  std::optional<CostSummary> costs;
  // budget.csv, when the scenario has budget lines (even if none falls in the forecast).
  std::optional<std::vector<BudgetRisk>> budgets;
  // For the report.
  ExitsByYear exits;
  InCareChances in_care;
};

// `results` must come from running `scenario` (its exits, comparators and budgets are read).
RunSummary summarize_run(const RunResults& results, const Scenario& scenario);

// summary.csv's table alone, for a caller that needs no more (the summary of each strategy of a comparison).
SummaryGrid summarize_stocks(const RunResults& results);

}  // namespace caseflow
