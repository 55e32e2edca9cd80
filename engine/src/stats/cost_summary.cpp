#include "caseflow/stats/cost_summary.hpp"

#include "caseflow/base/number_format.hpp"
#include "caseflow/base/units.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

namespace {


void write_quantile_row(std::ostream& out, const std::string& period, const std::string& category, const CellSummary& summary,
                        Eigen::Index cell) {
  out << period << ',' << category << ',' << format_number(summary.mean(cell));
  for (Eigen::Index q = 0; q < summary.quantiles.cols(); ++q) out << ',' << format_number(summary.quantiles(cell, q));
  out << '\n';
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

void write_cost_summary_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  out << "period,category,mean,p05,p25,p50,p75,p95\n";
  // Months: every category, then the total.
  CellSummary months = summarize_cells(results.costs, kStockQuantiles);
  DaysMatrix month_totals = DaysMatrix::Zero(results.costs.rows(), static_cast<Eigen::Index>(layout.cost_periods.size()));
  for (size_t p = 0; p < layout.cost_periods.size(); ++p)
    for (size_t c = 0; c < layout.cost_categories.size(); ++c)
      month_totals.col(static_cast<Eigen::Index>(p)) += results.costs.col(static_cast<Eigen::Index>(layout.cost_cell(p, c)));
  CellSummary month_total = summarize_cells(month_totals, kStockQuantiles);
  for (size_t p = 0; p < layout.cost_periods.size(); ++p) {
    for (size_t c = 0; c < layout.cost_categories.size(); ++c)
      write_quantile_row(out, layout.cost_periods[p].label, layout.cost_categories[c], months,
                         static_cast<Eigen::Index>(layout.cost_cell(p, c)));
    write_quantile_row(out, layout.cost_periods[p].label, "total", month_total, static_cast<Eigen::Index>(p));
  }
  // Financial years.
  std::vector<CellSummary> by_category;
  for (size_t c = 0; c < layout.cost_categories.size(); ++c)
    by_category.push_back(summarize_cells(financial_year_costs(results, c), kStockQuantiles));
  CellSummary total = summarize_cells(financial_year_costs(results), kStockQuantiles);
  CellSummary per_child = summarize_cells(cost_per_child_year(results), kStockQuantiles);
  for (size_t y = 0; y < layout.financial_years.size(); ++y) {
    auto cell = static_cast<Eigen::Index>(y);
    for (size_t c = 0; c < layout.cost_categories.size(); ++c)
      write_quantile_row(out, layout.financial_years[y].label, layout.cost_categories[c], by_category[c], cell);
    write_quantile_row(out, layout.financial_years[y].label, "total", total, cell);
    if (layout.placement_categories > 0)
      write_quantile_row(out, layout.financial_years[y].label, "cost_per_child_year", per_child, cell);
  }
}

void write_costs_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  out << "replication,period,category,cost\n";
  for (Eigen::Index r = 0; r < results.costs.rows(); ++r)
    for (size_t p = 0; p < layout.cost_periods.size(); ++p)
      for (size_t c = 0; c < layout.cost_categories.size(); ++c)
        out << r << ',' << layout.cost_periods[p].label << ',' << layout.cost_categories[c] << ','
            << format_number(results.costs(r, static_cast<Eigen::Index>(layout.cost_cell(p, c)))) << '\n';
}

void write_placement_summary_csv(const RunResults& results, std::ostream& out) {
  const OutputLayout& layout = results.layout;
  CellSummary summary = summarize_cells(results.placements, kStockQuantiles);
  out << "date,placement_type,mean,p05,p25,p50,p75,p95\n";
  for (size_t k = 0; k < layout.snapshots(); ++k)
    for (size_t t = 0; t < layout.placement_categories; ++t)
      write_quantile_row(out, format_iso_date(layout.snapshot_dates[k]), layout.cost_categories[t], summary,
                         static_cast<Eigen::Index>(layout.placement_cell(k, t)));
}

void write_budget_csv(const std::vector<BudgetRisk>& risks, std::ostream& out) {
  out << "financial_year,budget,mean_cost,probability_over_budget\n";
  for (const auto& risk : risks)
    out << risk.financial_year << ',' << format_number(risk.budget) << ',' << format_number(risk.mean_cost) << ','
        << format_number(risk.probability_over) << '\n';
}

}  // namespace caseflow
