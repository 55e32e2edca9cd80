#include "run_outcome.hpp"

#include <sstream>

#include "caseflow/output/run_tables.hpp"
#include "caseflow/stats/run_summary.hpp"

namespace caseflow::python {

namespace {

std::string written(const OutputTable& table) {
  std::ostringstream text;
  write_csv(table, text);
  return text.str();
}

}  // namespace

void finish_outcome(RunOutcome& outcome, const Scenario& scenario, bool keep_replications) {
  RunResults& results = outcome.results;
  outcome.replications = static_cast<int>(results.stocks.rows());
  const RunSummary summary = summarize_run(results, scenario);
  outcome.stock_summary = summary.stocks.cells;
  outcome.flow_summary = summary.flows.cells;
  // The tables write_run_outputs writes, as the text of its files.
  outcome.costed = summary.costs.has_value();
  if (summary.costs) outcome.cost_summary_csv = written(cost_summary_table(results.layout, *summary.costs));
  if (summary.placements) outcome.placement_summary_csv = written(placement_summary_table(results.layout, *summary.placements));
  if (summary.budgets) outcome.budget_csv = written(budget_table(*summary.budgets));
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
