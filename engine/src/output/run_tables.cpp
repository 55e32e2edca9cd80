#include "caseflow/output/run_tables.hpp"

#include <cmath>
#include <cstdio>

namespace caseflow {

namespace {

using Kind = OutputTable::Kind;

// The statistics columns of a summary file: mean, then "p05", "p50", ... for each probability.
std::vector<std::pair<std::string, Kind>> with_statistics(std::vector<std::pair<std::string, Kind>> labels,
                                                          const std::vector<double>& probabilities) {
  labels.emplace_back("mean", Kind::number);
  for (double p : probabilities) {
    char name[8];
    std::snprintf(name, sizeof name, "p%02ld", std::lround(p * 100));
    labels.emplace_back(name, Kind::number);
  }
  return labels;
}

// A row per cell of `grid`, row after row: the labels of its row (label_row(table, row)), of its column
// (label_column(table, column)), then its mean and quantiles.
template <class LabelRow, class LabelColumn>
void add_grid(OutputTable& table, const SummaryGrid& grid, LabelRow&& label_row, LabelColumn&& label_column) {
  for (size_t row = 0; row < grid.rows(); ++row)
    for (size_t column = 0; column < grid.columns; ++column) {
      label_row(table, row);
      label_column(table, column);
      table.number(grid.mean(row, column));
      for (size_t q = 0; q < grid.probabilities().size(); ++q) table.number(grid.quantile(row, column, q));
    }
}

}  // namespace

OutputTable stock_summary_table(const OutputLayout& layout, const SummaryGrid& stocks) {
  OutputTable table(with_statistics({{"date", Kind::date}, {"state", Kind::text}}, stocks.probabilities()));
  add_grid(table, stocks, [&](OutputTable& t, size_t k) { t.date(layout.snapshot_dates[k]); },
           [&](OutputTable& t, size_t column) { t.text(layout.stock_columns[column]); });
  return table;
}

OutputTable flow_summary_table(const OutputLayout& layout, const SummaryGrid& flows) {
  OutputTable table(with_statistics({{"month_start", Kind::date}, {"from", Kind::text}, {"to", Kind::text}}, flows.probabilities()));
  add_grid(table, flows, [&](OutputTable& t, size_t m) { t.date(layout.snapshot_dates[m]); },
           [&](OutputTable& t, size_t key) { t.text(layout.flows[key].from).text(layout.flows[key].to); });
  return table;
}

OutputTable placement_summary_table(const OutputLayout& layout, const SummaryGrid& placements) {
  OutputTable table(with_statistics({{"date", Kind::date}, {"placement_type", Kind::text}}, placements.probabilities()));
  add_grid(table, placements, [&](OutputTable& t, size_t k) { t.date(layout.snapshot_dates[k]); },
           [&](OutputTable& t, size_t type) { t.text(layout.cost_categories[type]); });
  return table;
}

OutputTable age_band_summary_table(const OutputLayout& layout, const SummaryGrid& age_bands) {
  OutputTable table(with_statistics({{"date", Kind::date}, {"age_band", Kind::text}}, age_bands.probabilities()));
  add_grid(table, age_bands, [&](OutputTable& t, size_t k) { t.date(layout.snapshot_dates[k]); },
           [&](OutputTable& t, size_t band) { t.text(layout.age_bands[band]); });
  return table;
}

OutputTable cost_summary_table(const OutputLayout& layout, const CostSummary& costs) {
  // period_type says which kind of period a row's is, so that a filter, not the shape of a label, tells a
  // month's rows from a financial year's.
  OutputTable table(with_statistics({{"period_type", Kind::text}, {"period", Kind::text}, {"category", Kind::text}},
                                    costs.months.probabilities()));
  add_grid(table, costs.months, [&](OutputTable& t, size_t p) { t.text("month").text(layout.cost_periods[p].label); },
           [&](OutputTable& t, size_t column) { t.text(costs.month_columns[column]); });
  add_grid(table, costs.financial_years, [&](OutputTable& t, size_t y) { t.text("financial_year").text(layout.financial_years[y].label); },
           [&](OutputTable& t, size_t column) { t.text(costs.year_columns[column]); });
  return table;
}

OutputTable budget_table(const std::vector<BudgetRisk>& risks) {
  OutputTable table({{"financial_year", Kind::text}, {"budget", Kind::number}, {"mean_cost", Kind::number},
                     {"probability_over_budget", Kind::number}});
  for (const auto& risk : risks) table.text(risk.financial_year).number(risk.budget).number(risk.mean_cost).number(risk.probability_over);
  return table;
}

std::vector<NamedTable> run_summary_tables(const OutputLayout& layout, const RunSummary& summary) {
  std::vector<NamedTable> tables;
  tables.push_back({"summary.csv", stock_summary_table(layout, summary.stocks)});
  tables.push_back({"flows_summary.csv", flow_summary_table(layout, summary.flows)});
  if (summary.costs) tables.push_back({"costs_summary.csv", cost_summary_table(layout, *summary.costs)});
  if (summary.placements) tables.push_back({"placements_summary.csv", placement_summary_table(layout, *summary.placements)});
  if (summary.budgets) tables.push_back({"budget.csv", budget_table(*summary.budgets)});
  tables.push_back({"age_bands_summary.csv", age_band_summary_table(layout, summary.age_bands)});
  return tables;
}

}  // namespace caseflow
