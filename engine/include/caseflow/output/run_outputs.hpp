#pragma once
// The files of `caseflow run` (DESIGN.md's contract): summary.csv and flows_summary.csv, and with
// per-replication output stocks.csv and flows.csv.

#include <atomic>
#include <ostream>
#include <string>

#include "caseflow/base/number_format.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/runner.hpp"

namespace caseflow {

void write_stock_summary_csv(const RunResults& results, std::ostream& out);
void write_flow_summary_csv(const RunResults& results, std::ostream& out);
void write_stocks_csv(const RunResults& results, std::ostream& out);
void write_flows_csv(const RunResults& results, std::ostream& out);

// Writes all of a run's files into `directory`, whole or not at all: with costs (placement types,
// allowances or running costs in the scenario) also costs_summary.csv, placements_summary.csv and, given
// budgets, budget.csv. If `cancel` becomes true before the files are moved into place, nothing is
// written and RunCancelled is thrown.
void write_run_outputs(const RunResults& results, const std::string& directory, bool per_replication,
                       const std::vector<Budget>& budgets = {}, const std::atomic<bool>* cancel = nullptr);

}  // namespace caseflow
