#include "caseflow/serve/what_if.hpp"

#include "caseflow/base/calendar.hpp"
#include "caseflow/report/report_comparison.hpp"
#include "caseflow/stats/comparison.hpp"
#include "caseflow/stats/cost_summary.hpp"
#include "caseflow/stats/run_summary.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

namespace {

using nlohmann::json;

json difference_json(const DifferenceSummary& d) { return {{"mean", d.mean}, {"p05", d.p05}, {"p50", d.p50}, {"p95", d.p95}}; }

// Children in care by snapshot: the mean and the 5th, 50th and 95th percentiles (kStockQuantiles 0, 2, 4).
json in_care_json(const RunResults& results) {
  const SummaryGrid stocks = summarize_stocks(results);
  const size_t column = results.layout.in_care_column();
  json mean = json::array(), p05 = json::array(), p50 = json::array(), p95 = json::array();
  for (size_t row = 0; row < stocks.rows(); ++row) {
    mean.push_back(stocks.mean(row, column));
    p05.push_back(stocks.quantile(row, column, 0));
    p50.push_back(stocks.quantile(row, column, 2));
    p95.push_back(stocks.quantile(row, column, 4));
  }
  return {{"mean", mean}, {"p05", p05}, {"p50", p50}, {"p95", p95}};
}

json budgets_json(const RunResults& results, const Scenario& scenario) {
  json out = json::array();
  for (const BudgetRisk& risk : budget_risks(results, scenario.costs.budgets))
    out.push_back({{"financial_year", risk.financial_year},
                   {"budget", risk.budget},
                   {"mean_cost", risk.mean_cost},
                   {"probability_over", risk.probability_over}});
  return out;
}

}  // namespace

json what_if_json(const Scenario& base, const RunResults& base_results, const Scenario& strategy,
                  const RunResults& strategy_results, const std::string& strategy_name) {
  const StrategyComparison comparison = compare_runs(base_results, strategy_results, base.comparators);
  json out;
  json& dates = out["dates"] = json::array();
  for (Date date : comparison.dates) dates.push_back(format_iso_date(date));
  json& history = out["history"] = json::array();
  for (const HistoryPoint& point : base.history) history.push_back({{"date", format_iso_date(point.date)}, {"in_care", point.in_care}});
  out["base"] = in_care_json(base_results);
  out["strategy"] = in_care_json(strategy_results);
  json& difference = out["difference"] = {{"mean", json::array()}, {"p05", json::array()}, {"p50", json::array()}, {"p95", json::array()}};
  for (const DifferenceSummary& d : comparison.in_care_difference) {
    difference["mean"].push_back(d.mean);
    difference["p05"].push_back(d.p05);
    difference["p50"].push_back(d.p50);
    difference["p95"].push_back(d.p95);
  }
  out["child_days_avoided"] = difference_json(comparison.child_days_avoided);
  bool savings = false;
  json& costs = out["costs"] = json::array();
  for (const auto& saving : comparison.savings) {
    savings = savings || saving.base_cost != 0 || saving.strategy_cost != 0;
    costs.push_back({{"financial_year", saving.financial_year},
                     {"base_cost", saving.base_cost},
                     {"strategy_cost", saving.strategy_cost},
                     {"net_saving", difference_json(saving.net_saving)}});
  }
  out["budgets"] = {{"base", budgets_json(base_results, base)}, {"strategy", budgets_json(strategy_results, strategy)}};
  out["headline"] = strategy_headline(comparison, strategy_name, savings, static_cast<int>(base_results.stocks.rows()));
  return out;
}

}  // namespace caseflow
