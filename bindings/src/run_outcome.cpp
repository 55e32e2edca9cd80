#include "run_outcome.hpp"

#include <stdexcept>

namespace caseflow::python {

void finish_outcome(RunOutcome& outcome, const Scenario& scenario, bool keep_replications) {
  RunResults& results = outcome.results;
  outcome.replications = static_cast<int>(results.stocks.rows());
  outcome.summary = summarize_run(results, scenario);
  outcome.finished = true;
  outcome.kept_replications = keep_replications;
  if (!keep_replications)  // summarized: the layout stays, the (possibly large) matrices go
    for_each_result_matrix([&](auto m) { (results.*m.matrix).resize(0, (results.*m.matrix).cols()); });
}

Uncertainty uncertainty_named(const std::string& name) {
  Uncertainty uncertainty = Uncertainty::all;
  if (!uncertainty_from_name(name, uncertainty))  // std::invalid_argument is Python's ValueError
    throw std::invalid_argument("uncertainty must be \"chance\", \"parameters\" or \"all\", got \"" + name + "\"");
  return uncertainty;
}

const RunOutcome& require_finished(const RunOutcome& outcome) {
  if (!outcome.finished) throw std::logic_error("a chunk of a run has no summaries: concatenate the chunks first");
  return outcome;
}

const RunOutcome& require_replications(const RunOutcome& outcome) {
  if (!outcome.kept_replications) throw std::logic_error("the per-replication results were not kept");
  return outcome;
}

}  // namespace caseflow::python
