#pragma once
// The files of `caseflow compare`: one row per strategy and date / route / comparator / financial year, so
// a spreadsheet or pandas can pivot them; and the plain-text table it prints. Python's Comparison shows
// these same tables.

#include <ostream>
#include <string>
#include <vector>

#include "caseflow/output/output_table.hpp"
#include "caseflow/stats/comparison.hpp"

namespace caseflow {

// comparison_in_care.csv: strategy,date,base_mean,strategy_mean,difference_mean,difference_p05,difference_p50,difference_p95
OutputTable comparison_in_care_table(const std::vector<NamedComparison>& comparisons);
// comparison_summary.csv: strategy,name, child_days_avoided_ and end_difference_ mean,p05,p50,p95 (the
// name with commas and quotes made semicolons, so that it needs no quoting)
OutputTable comparison_summary_table(const std::vector<NamedComparison>& comparisons);
// comparison_routes.csv: strategy,route,base_mean,strategy_mean,difference_mean,difference_p05,difference_p50,difference_p95
OutputTable comparison_routes_table(const std::vector<NamedComparison>& comparisons);
// comparison_comparators.csv: strategy,date,comparator,count,base_probability,strategy_probability
OutputTable comparison_comparators_table(const std::vector<NamedComparison>& comparisons);
// comparison_costs.csv: strategy,financial_year,base_cost,strategy_cost,net_saving_mean,net_saving_p05,net_saving_p50,
// net_saving_p95,chance_of_saving: each financial year, then "all" (the whole forecast) for each strategy
OutputTable comparison_costs_table(const std::vector<NamedComparison>& comparisons);

// All five, by file name, in the order `caseflow compare` writes them.
std::vector<NamedTable> comparison_tables(const std::vector<NamedComparison>& comparisons);

// A plain-text table for the terminal: children in care at each year, the difference and its band,
// child-days avoided, and the chance of reaching each comparator.
void write_comparison_table(const std::vector<NamedComparison>& comparisons, std::ostream& out);

}  // namespace caseflow
