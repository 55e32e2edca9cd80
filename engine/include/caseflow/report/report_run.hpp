#pragma once
// The report of one run, for a service manager to open in a browser or print: what the forecast says in
// plain words, the fan chart of children in care against comparators, children by state, exits by route
// per financial year, and every assumption of the scenario with its source. Its tables show the same
// figures as the run's CSV files.

#include <optional>
#include <string>

#include "caseflow/report/report_document.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/run_summary.hpp"
#include "caseflow/stats/variance_sources.hpp"

namespace caseflow {

struct RunReportOptions {
  std::string scenario_file;  // shown in the command that reproduces the run; may be empty
  // The layers of uncertainty the run asked for (RunOptions::uncertainty, `--uncertainty`): the report says
  // what its bands hold and what they cannot.
  Uncertainty uncertainty = Uncertainty::all;
  // How much of the spread each source makes (variance_sources of the same run); without it the report has
  // no section "What the range holds".
  std::optional<VarianceSources> variance_sources;
  // Whether the page has the Assumptions section that other sections may point to (a comparison's page has not).
  bool assumptions_on_page = true;
};

// `results` must come from running `scenario` (its layout is checked against the scenario), and `summary`
// must be summarize_run(results, scenario).
ReportDocument build_run_report(const Scenario& scenario, const RunResults& results, const RunSummary& summary,
                                const RunReportOptions& options = {});

// The whole page, ready to write to a .html file.
std::string render_run_report(const Scenario& scenario, const RunResults& results, const RunSummary& summary,
                              const RunReportOptions& options = {});

}  // namespace caseflow
