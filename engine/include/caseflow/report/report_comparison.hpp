#pragma once
// The report of `caseflow compare`: what each strategy changes against its base, in plain words first,
// then the difference in children in care over time with its 90% band, child-days in care avoided, the
// chance of reaching each comparator, the net saving by financial year, and the base's own fan chart.
// Its tables show the same figures as the comparison_*.csv files of the same run.

#include <optional>
#include <string>
#include <vector>

#include "caseflow/report/report_document.hpp"
#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/comparison.hpp"
#include "caseflow/stats/run_summary.hpp"

namespace caseflow {

struct ComparisonReportOptions {
  std::vector<std::string> scenario_files;  // base first, as given to `caseflow compare`; may be empty
  Uncertainty uncertainty = Uncertainty::all;  // the layers the runs asked for (`--uncertainty`)
  // What the runs' bands hold: the layers any of the scenarios (base or strategies) states, of those asked
  // for; by default the base's, held_uncertainty(base, uncertainty).
  std::optional<HeldUncertainty> held;
};

// The headline of a strategy against its base, as the report's summary says it: the change in children in care
// on the last snapshot date with its 90% band, the child-days in care avoided and, when `with_savings`, the net
// saving over all financial years with the share of the `replications` simulations that save money. `name` names
// the strategy in it, as it is (the report passes markup).
std::string strategy_headline(const StrategyComparison& comparison, const std::string& name, bool with_savings,
                              int replications);

// `base_results` must come from running `base`, `base_summary` be summarize_run of them, and `comparisons`
// come from compare_runs against them.
ReportDocument build_comparison_report(const Scenario& base, const RunResults& base_results, const RunSummary& base_summary,
                                       const std::vector<NamedComparison>& comparisons, const ComparisonReportOptions& options = {});

std::string render_comparison_report(const Scenario& base, const RunResults& base_results, const RunSummary& base_summary,
                                     const std::vector<NamedComparison>& comparisons, const ComparisonReportOptions& options = {});

}  // namespace caseflow
