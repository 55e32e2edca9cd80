#pragma once
// The Excel workbook of a run or a comparison (`--xlsx FILE`, RunResult.to_excel, Comparison.to_excel), for
// the finance teams and service managers who work in spreadsheets:
// - one sheet per output file, with the file's rows in its order and its numbers to 16 significant digits
//   (libxlsxwriter's precision, one more than Excel shows; the CSV files keep every digit), columns labelled for people, the scenario's labels for its ids, dates as
//   dates, pounds as pounds and chances as percentages; part financial years marked;
// - costs by financial year, the years as rows, each placement type and allowance as a column, the part years
//   marked, and a totals row;
// - an Assumptions sheet: every unit cost (placement types, allowances, interventions' running costs,
//   budgets) with its stated 90% range and its source;
// - an About sheet first: what was run, and which file each sheet holds.
// Written with libxlsxwriter (Debian's libxlsxwriter-dev).

#include <cstdint>
#include <string>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/output_layout.hpp"
#include "caseflow/stats/comparison.hpp"
#include "caseflow/stats/run_summary.hpp"

namespace caseflow {

// What was run, for the About sheet.
struct WorkbookRun {
  int replications = 0;
  uint64_t seed = 0;
  Uncertainty uncertainty = Uncertainty::all;
};

// The bytes of the .xlsx file of a run: `summary` is summarize_run of the run of `scenario`, whose layout is
// `layout`. Throws std::runtime_error if the workbook cannot be written.
std::string run_workbook(const Scenario& scenario, const OutputLayout& layout, const RunSummary& summary, const WorkbookRun& run);

// The bytes of the .xlsx file of a comparison: the base's run (as for run_workbook) and the strategies
// compared with it, `strategies[i]` the scenario of `comparisons[i]` (for the running costs of its
// interventions in the Assumptions sheet).
std::string comparison_workbook(const Scenario& base, const OutputLayout& layout, const RunSummary& base_summary,
                                const std::vector<const Scenario*>& strategies, const std::vector<NamedComparison>& comparisons,
                                const WorkbookRun& run);

// The name of each sheet that holds an output file, and the file, in the order of the workbook: what the About
// sheet lists and what a reader (or a test) matches the sheets and files by.
struct SheetOfFile {
  std::string sheet;
  std::string file;
};
std::vector<SheetOfFile> run_workbook_sheets(const RunSummary& summary);
std::vector<SheetOfFile> comparison_workbook_sheets();

}  // namespace caseflow
