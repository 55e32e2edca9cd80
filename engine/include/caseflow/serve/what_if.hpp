#pragma once
// A what-if: a strategy run against its base with common random numbers (the same seed), reduced to what
// the page shows. Every figure comes from the code behind `caseflow compare` and its report (compare_runs,
// summarize_stocks, budget_risks, strategy_headline), so the page and the command cannot disagree.

#include <string>

#include <nlohmann/json.hpp>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/run_results.hpp"

namespace caseflow {

// `base_results` and `strategy_results` come from running `base` and `strategy` (which
// check_strategy_matches_base accepts) with the same seed and replications. The JSON holds:
//   dates: the snapshot dates; history: the counts observed before the start ({date, in_care});
//   base, strategy: children in care by snapshot {mean, p05, p50, p95};
//   difference: strategy minus base, paired, by snapshot {mean, p05, p50, p95};
//   costs: by financial year {financial_year, base_cost, strategy_cost, net_saving {mean, p05, p50, p95}};
//   budgets: {base, strategy}, each a list of {financial_year, budget, mean_cost, probability_over};
//   headline: the report's sentence on the strategy; child_days_avoided {mean, p05, p50, p95}.
nlohmann::json what_if_json(const Scenario& base, const RunResults& base_results, const Scenario& strategy,
                            const RunResults& strategy_results, const std::string& strategy_name);

}  // namespace caseflow
