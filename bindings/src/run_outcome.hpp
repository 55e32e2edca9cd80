#pragma once
// A run as Python holds it: the engine's RunResults (their per-replication matrices kept only when
// asked for), and everything the command line would write from them, computed once by the engine's
// own summary and writer code when the run is finished, so Python shows the CSV files' numbers.
//
// A run can also be left unfinished: a chunk of replications (first_replication..) run on one process
// of a sweep, whose matrices travel to the process that merges the chunks and finishes the whole.

#include <cstdint>
#include <string>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow::python {

struct RunOutcome {
  RunResults results;  // the matrices are empty (0 rows) when neither kept nor needed
  int replications = 0;
  int first_replication = 0;
  int threads = 0;
  double seconds = 0;  // wall time of the replications, as the CLI reports it
  bool finished = false;          // summaries below computed
  bool kept_replications = false;  // per-replication matrices available

  CellSummary stock_summary;
  CellSummary flow_summary;
  // What `caseflow run` writes beside summary.csv, as the engine's writers write it ("" when the CLI
  // would not write the file: costed is false, no placement types, no budgets).
  bool costed = false;
  std::string cost_summary_csv;
  std::string placement_summary_csv;
  std::string budget_csv;
};

// Summarizes `outcome.results` as `caseflow run` would for `scenario` (its budgets), then drops the
// per-replication matrices unless `keep_replications`. Call without the GIL: it sorts every cell.
void finish_outcome(RunOutcome& outcome, const Scenario& scenario, bool keep_replications);

}  // namespace caseflow::python
