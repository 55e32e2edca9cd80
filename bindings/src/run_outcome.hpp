#pragma once
// A run as Python holds it: the engine's RunResults (their per-replication matrices kept only when
// asked for), and its summary, computed once by the engine's summarize_run when the run is finished: the
// tables Python shows are those the command line writes.
//
// A run can also be left unfinished: a chunk of replications (first_replication..) run on one process
// of a sweep, whose matrices travel to the process that merges the chunks and finishes the whole.

#include <string>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/run_summary.hpp"

namespace caseflow::python {

struct RunOutcome {
  RunResults results;  // the matrices are empty (0 rows) when neither kept nor needed
  int replications = 0;
  int first_replication = 0;
  int threads = 0;
  double seconds = 0;  // wall time of the replications, as the CLI reports it
  bool finished = false;           // summary computed
  bool kept_replications = false;  // per-replication matrices available
  RunSummary summary;
};

// Summarizes `outcome.results` as `caseflow run` would for `scenario`, then drops the per-replication
// matrices unless `keep_replications`. Call without the GIL: it sorts every cell.
void finish_outcome(RunOutcome& outcome, const Scenario& scenario, bool keep_replications);

// The layers of uncertainty by their name in Python ("chance", "parameters", "all"); ValueError otherwise.
Uncertainty uncertainty_named(const std::string& name);

// `outcome`, or std::logic_error (RuntimeError in Python) if it is a chunk, with no summary yet ...
const RunOutcome& require_finished(const RunOutcome& outcome);
// ... or if it did not keep its per-replication matrices.
const RunOutcome& require_replications(const RunOutcome& outcome);

}  // namespace caseflow::python
