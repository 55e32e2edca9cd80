#pragma once
// The files of `caseflow compare`: one row per strategy and date / route / comparator, so a
// spreadsheet or pandas can pivot them.

#include <ostream>
#include <string>
#include <vector>

#include "caseflow/stats/comparison.hpp"

namespace caseflow {

void write_comparison_in_care_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out);
void write_comparison_summary_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out);
void write_comparison_routes_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out);
void write_comparison_costs_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out);
void write_comparison_comparators_csv(const std::vector<NamedComparison>& comparisons, std::ostream& out);

// A plain-text table for the terminal: children in care at each year, the difference and its band,
// child-days avoided, and the chance of reaching each comparator.
void write_comparison_table(const std::vector<NamedComparison>& comparisons, std::ostream& out);

}  // namespace caseflow
