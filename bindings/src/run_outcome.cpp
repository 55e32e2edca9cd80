#include "run_outcome.hpp"

#include <sstream>

#include "caseflow/stats/cost_summary.hpp"

namespace caseflow::python {

namespace {

template <class Write>
std::string written(Write&& write) {
  std::ostringstream text;
  write(text);
  return text.str();
}

}  // namespace

void finish_outcome(RunOutcome& outcome, const Scenario& scenario, bool keep_replications) {
  RunResults& results = outcome.results;
  outcome.replications = static_cast<int>(results.stocks.rows());
  outcome.stock_summary = summarize_cells(results.stocks, kStockQuantiles);
  outcome.flow_summary = summarize_cells(results.flows, kFlowQuantiles);
  // The same conditions and writers as write_run_outputs, so these texts are the files' bytes.
  outcome.costed = has_costs(results);
  if (outcome.costed) outcome.cost_summary_csv = written([&](std::ostream& out) { write_cost_summary_csv(results, out); });
  if (results.layout.placement_categories > 0)
    outcome.placement_summary_csv = written([&](std::ostream& out) { write_placement_summary_csv(results, out); });
  if (!scenario.costs.budgets.empty())
    outcome.budget_csv =
        written([&](std::ostream& out) { write_budget_csv(budget_risks(results, scenario.costs.budgets), out); });
  outcome.finished = true;
  outcome.kept_replications = keep_replications;
  if (!keep_replications) {
    // Summarized: the layout stays, the (possibly large) matrices go.
    results.stocks.resize(0, results.stocks.cols());
    results.flows.resize(0, results.flows.cols());
    results.care_days.resize(0, results.care_days.cols());
    results.costs.resize(0, results.costs.cols());
    results.period_care_days.resize(0, results.period_care_days.cols());
    results.placements.resize(0, results.placements.cols());
  }
}

}  // namespace caseflow::python
