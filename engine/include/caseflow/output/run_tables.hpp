#pragma once
// The tables of `caseflow run`'s summary files, laid out from a RunSummary: a row per cell, labelled as
// the file labels it. Python's RunResult shows these same tables.

#include <vector>

#include "caseflow/output/output_table.hpp"
#include "caseflow/sim/output_layout.hpp"
#include "caseflow/stats/run_summary.hpp"

namespace caseflow {

// summary.csv: date,state,mean,p05,p25,p50,p75,p95
OutputTable stock_summary_table(const OutputLayout& layout, const SummaryGrid& stocks);
// flows_summary.csv: month_start,from,to,mean,p05,p50,p95
OutputTable flow_summary_table(const OutputLayout& layout, const SummaryGrid& flows);
// placements_summary.csv: date,placement_type,mean,p05,p25,p50,p75,p95 — children by placement type
OutputTable placement_summary_table(const OutputLayout& layout, const SummaryGrid& placements);
// age_bands_summary.csv: date,age_band,mean,p05,p25,p50,p75,p95 — children in care by age band ("0", "1-4",
// "5-9", "10-15", "16-17", "18+"), by whole years of age on the day
OutputTable age_band_summary_table(const OutputLayout& layout, const SummaryGrid& age_bands);
// costs_summary.csv: period_type,period,category,mean,p05,p25,p50,p75,p95 — calendar months (period_type
// "month", period "2020-11"), then financial years ("financial_year", "2021/22"); categories are the
// placement types, the allowances, running_costs, total, and (for financial years) cost_per_child_year.
OutputTable cost_summary_table(const OutputLayout& layout, const CostSummary& costs);
// budget.csv: financial_year,budget,mean_cost,probability_over_budget
OutputTable budget_table(const std::vector<BudgetRisk>& risks);

// Every summary file of the run, in the order `caseflow run` writes them: summary.csv, flows_summary.csv,
// and those of the tables the summary has (costs, placements, budgets).
std::vector<NamedTable> run_summary_tables(const OutputLayout& layout, const RunSummary& summary);

}  // namespace caseflow
