#pragma once
// The files of `caseflow run`: the summary files (run_tables.hpp), and with per-replication output
// stocks.csv, flows.csv and, with costs, costs.csv.

#include <atomic>
#include <ostream>
#include <string>
#include <vector>

#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/run_summary.hpp"

namespace caseflow {

// Per replication: replication,date,state,count
void write_stocks_csv(const RunResults& results, std::ostream& out);
// Per replication: replication,month_start,from,to,count
void write_flows_csv(const RunResults& results, std::ostream& out);
// Per replication: replication,period,category,cost
void write_costs_csv(const RunResults& results, std::ostream& out);

// Every file write_run_outputs can write (a run with costs, placement types, budgets and per-replication files
// writes them all). A run replaces those an earlier run left in its folder, even the ones it does not write.
const std::vector<std::string>& run_output_file_names();

// Writes all of a run's files into `directory`, whole or not at all: the summary files of `summary`
// (summarize_run of these results), and with `per_replication` the per-replication files. If `cancel`
// becomes true before the files are moved into place, nothing is written and RunCancelled is thrown.
// Files of run_output_file_names() that an earlier run left there and this one does not write are removed,
// so the folder never holds two runs' files. Returns the names of the files written, in the order written.
std::vector<std::string> write_run_outputs(const RunResults& results, const RunSummary& summary, const std::string& directory,
                       bool per_replication, const std::atomic<bool>* cancel = nullptr);

}  // namespace caseflow
