#pragma once
// Costs for finance: by calendar month and by financial year (1 April to 31 March), by category and in
// total, with quantiles over replications; the average annual cost per child in care; the chance of
// overspending each budget line.

#include <string>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/summary_grid.hpp"

namespace caseflow {

// Whether a run has costs to report (placement types, allowances or running costs): `caseflow run` writes
// costs_summary.csv only then.
bool has_costs(const RunResults& results);

// Per replication, the cost of each financial year (columns: financial years) in one category, or in
// total when `category` is npos (placements, allowances and running costs together).
DaysMatrix financial_year_costs(const RunResults& results, size_t category = static_cast<size_t>(-1));

// Per replication, placement costs divided by child-years in care, by financial year.
DaysMatrix cost_per_child_year(const RunResults& results);

// costs_summary.csv's figures (kStockQuantiles), in two grids: by calendar month, a row per
// layout.cost_periods; by financial year, a row per layout.financial_years. Their columns are named by
// month_columns and year_columns: the cost categories (layout.cost_categories), then "total", and by
// financial year, when the scenario has placement types, "cost_per_child_year" (placement costs divided
// by child-years in care).
struct CostSummary {
  std::vector<std::string> month_columns;
  SummaryGrid months;
  std::vector<std::string> year_columns;
  SummaryGrid financial_years;

  size_t total_column() const { return month_columns.size() - 1; }  // the same in both grids
  bool has_cost_per_child_year() const { return year_columns.size() > month_columns.size(); }
  size_t cost_per_child_year_column() const { return month_columns.size(); }
};
CostSummary summarize_costs(const RunResults& results);

struct BudgetRisk {
  std::string financial_year;
  double budget = 0;
  double mean_cost = 0;
  double probability_over = 0;  // the share of replications whose total cost exceeds the budget
};
// One per budget line whose financial year the forecast touches, in the order of `budgets`.
std::vector<BudgetRisk> budget_risks(const RunResults& results, const std::vector<Budget>& budgets);

}  // namespace caseflow
