#include "caseflow/stats/cost_summary.hpp"

#include <utility>

#include "caseflow/base/units.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

namespace {

// A cell of a summary: the summary, and the index of the cell in it.
using Cell = std::pair<const CellSummary*, size_t>;

// A grid whose cell (row, column) is the cell source(row, column) of another summary.
// Each cost matrix is summarized where it lies, as the published figures always were (MeanSum::eigen
// depends on the column's address), and the grid is put together from those summaries afterwards.
template <class Source>
SummaryGrid arrange_grid(size_t rows, size_t columns, Source&& source) {
  SummaryGrid grid;
  grid.columns = columns;
  grid.cells.probabilities = kStockQuantiles;
  grid.cells.mean.resize(static_cast<Eigen::Index>(rows * columns));
  grid.cells.quantiles.resize(static_cast<Eigen::Index>(rows * columns), static_cast<Eigen::Index>(kStockQuantiles.size()));
  for (size_t row = 0; row < rows; ++row)
    for (size_t column = 0; column < columns; ++column) {
      const Cell from = source(row, column);
      const auto to = static_cast<Eigen::Index>(row * columns + column);
      const auto cell = static_cast<Eigen::Index>(from.second);
      grid.cells.mean(to) = from.first->mean(cell);
      grid.cells.quantiles.row(to) = from.first->quantiles.row(cell);
    }
  return grid;
}

}  // namespace

bool has_costs(const RunResults& results) {
  return results.layout.cost_categories.size() > 1 || results.costs.sum() != 0;
}

DaysMatrix financial_year_costs(const RunResults& results, size_t category) {
  const OutputLayout& layout = results.layout;
  DaysMatrix years = DaysMatrix::Zero(results.costs.rows(), static_cast<Eigen::Index>(layout.financial_years.size()));
  for (size_t p = 0; p < layout.cost_periods.size(); ++p)
    for (size_t c = 0; c < layout.cost_categories.size(); ++c)
      if (category == static_cast<size_t>(-1) || category == c)
        years.col(static_cast<Eigen::Index>(layout.cost_periods[p].financial_year)) +=
            results.costs.col(static_cast<Eigen::Index>(layout.cost_cell(p, c)));
  return years;
}

DaysMatrix cost_per_child_year(const RunResults& results) {
  const OutputLayout& layout = results.layout;
  const auto years = static_cast<Eigen::Index>(layout.financial_years.size());
  DaysMatrix placement_cost = DaysMatrix::Zero(results.costs.rows(), years);
  DaysMatrix child_years = DaysMatrix::Zero(results.costs.rows(), years);
  for (size_t p = 0; p < layout.cost_periods.size(); ++p) {
    auto year = static_cast<Eigen::Index>(layout.cost_periods[p].financial_year);
    for (size_t c = 0; c < layout.placement_categories; ++c)
      placement_cost.col(year) += results.costs.col(static_cast<Eigen::Index>(layout.cost_cell(p, c)));
    child_years.col(year) += results.period_care_days.col(static_cast<Eigen::Index>(p)) / kDaysPerYear;
  }
  return placement_cost.cwiseQuotient(child_years.cwiseMax(1e-12));
}

CostSummary summarize_costs(const RunResults& results) {
  const OutputLayout& layout = results.layout;
  const size_t categories = layout.cost_categories.size();
  CostSummary summary;
  summary.month_columns = layout.cost_categories;
  summary.month_columns.push_back("total");
  summary.year_columns = summary.month_columns;
  const bool per_child = layout.placement_categories > 0;
  if (per_child) summary.year_columns.push_back("cost_per_child_year");

  // Months: every category, then the total.
  const CellSummary months = summarize_cells(results.costs, kStockQuantiles);
  DaysMatrix month_totals = DaysMatrix::Zero(results.costs.rows(), static_cast<Eigen::Index>(layout.cost_periods.size()));
  for (size_t p = 0; p < layout.cost_periods.size(); ++p)
    for (size_t c = 0; c < categories; ++c)
      month_totals.col(static_cast<Eigen::Index>(p)) += results.costs.col(static_cast<Eigen::Index>(layout.cost_cell(p, c)));
  const CellSummary month_total = summarize_cells(month_totals, kStockQuantiles);
  summary.months = arrange_grid(layout.cost_periods.size(), categories + 1, [&](size_t p, size_t column) -> Cell {
    return column < categories ? Cell{&months, layout.cost_cell(p, column)} : Cell{&month_total, p};
  });

  // Financial years: every category, the total, and the placement cost of a child-year.
  std::vector<CellSummary> by_category;
  for (size_t c = 0; c < categories; ++c) by_category.push_back(summarize_cells(financial_year_costs(results, c), kStockQuantiles));
  const CellSummary total = summarize_cells(financial_year_costs(results), kStockQuantiles);
  const CellSummary per_child_year = per_child ? summarize_cells(cost_per_child_year(results), kStockQuantiles) : CellSummary{};
  summary.financial_years = arrange_grid(layout.financial_years.size(), summary.year_columns.size(), [&](size_t y, size_t column) -> Cell {
    if (column < categories) return {&by_category[column], y};
    return {column == categories ? &total : &per_child_year, y};
  });
  return summary;
}

std::vector<BudgetRisk> budget_risks(const RunResults& results, const std::vector<Budget>& budgets) {
  const OutputLayout& layout = results.layout;
  DaysMatrix totals = financial_year_costs(results);
  std::vector<BudgetRisk> risks;
  for (const auto& budget : budgets)
    for (size_t y = 0; y < layout.financial_years.size(); ++y) {
      if (layout.financial_years[y].first_year != budget.first_year) continue;
      auto column = totals.col(static_cast<Eigen::Index>(y));
      double over = 0;
      for (Eigen::Index r = 0; r < column.rows(); ++r) over += column(r) > budget.amount;
      risks.push_back({layout.financial_years[y].label, budget.amount, column.mean(),
                       column.rows() > 0 ? over / static_cast<double>(column.rows()) : 0.0});
    }
  return risks;
}

}  // namespace caseflow
