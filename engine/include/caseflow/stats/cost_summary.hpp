#pragma once
// Costs for finance: by calendar month and by financial year (1 April to 31 March), by category and in
// total, with quantiles over replications; the average annual cost per child in care; the chance of
// overspending each budget line.

#include <ostream>
#include <string>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

// Whether a run has costs to report (placement types, allowances or running costs): `caseflow run` writes
// costs_summary.csv only then.
bool has_costs(const RunResults& results);

// Per replication, the cost of each financial year (columns: financial years) in one category, or in
// total when `category` is npos (placements, allowances and running costs together).
DaysMatrix financial_year_costs(const RunResults& results, size_t category = static_cast<size_t>(-1));

// Per replication, placement costs divided by child-years in care, by financial year.
DaysMatrix cost_per_child_year(const RunResults& results);

struct BudgetRisk {
  std::string financial_year;
  double budget = 0;
  double mean_cost = 0;
  double probability_over = 0;  // the share of replications whose total cost exceeds the budget
};
std::vector<BudgetRisk> budget_risks(const RunResults& results, const std::vector<Budget>& budgets);

// costs_summary.csv: period,category,mean,p05,p25,p50,p75,p95 — calendar months ("2020-11") and financial
// years ("2021/22"); categories are the placement types, the allowances, running_costs, total, and (for
// financial years) cost_per_child_year.
void write_cost_summary_csv(const RunResults& results, std::ostream& out);
// costs.csv (per replication): replication,period,category,cost
void write_costs_csv(const RunResults& results, std::ostream& out);
// placements_summary.csv: date,placement_type,mean,p05,p25,p50,p75,p95 — children by placement type
void write_placement_summary_csv(const RunResults& results, std::ostream& out);
// budget.csv: financial_year,budget,mean_cost,probability_over_budget
void write_budget_csv(const std::vector<BudgetRisk>& risks, std::ostream& out);

}  // namespace caseflow
