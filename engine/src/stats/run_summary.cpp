#include "caseflow/stats/run_summary.hpp"

#include "caseflow/stats/summary.hpp"

namespace caseflow {

SummaryGrid summarize_stocks(const RunResults& results) {
  return {results.layout.stock_columns.size(), summarize_cells(results.stocks, kStockQuantiles)};
}

RunSummary summarize_run(const RunResults& results, const Scenario& scenario) {
  const OutputLayout& layout = results.layout;
  RunSummary summary;
  summary.replications = static_cast<int>(results.stocks.rows());
  summary.stocks = summarize_stocks(results);
  summary.flows = {layout.flows.size(), summarize_cells(results.flows, kFlowQuantiles)};
  if (layout.placement_categories > 0)
    summary.placements = SummaryGrid{layout.placement_categories, summarize_cells(results.placements, kStockQuantiles)};
  summary.age_bands = {layout.age_bands.size(), summarize_cells(results.age_bands, kStockQuantiles)};
  if (has_costs(results)) summary.costs = summarize_costs(results);
  if (!scenario.costs.budgets.empty()) summary.budgets = budget_risks(results, scenario.costs.budgets);
  summary.exits = summarize_exits_by_year(results, scenario);
  summary.in_care = in_care_chances(results, scenario);
  return summary;
}

}  // namespace caseflow
