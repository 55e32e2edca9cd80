#include "caseflow/stats/comparison.hpp"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "caseflow/base/input_error.hpp"
#include "caseflow/stats/cost_summary.hpp"
#include "caseflow/stats/in_care_chances.hpp"
#include "caseflow/stats/summary.hpp"

namespace caseflow {

namespace {

// Paired differences (replications x cells) reduced to the mean, 5th, 50th and 95th percentiles of each
// column: counts exactly, pounds and child-days added up in replication order.
template <class Value>
std::vector<DifferenceSummary> summarize_differences(const Eigen::Matrix<Value, Eigen::Dynamic, Eigen::Dynamic>& differences) {
  const CellSummary cells = summarize_cells(differences, kFlowQuantiles, MeanSum::in_order);
  std::vector<DifferenceSummary> summaries;
  for (Eigen::Index cell = 0; cell < differences.cols(); ++cell)
    summaries.push_back({cells.mean(cell), cells.quantiles(cell, 0), cells.quantiles(cell, 1), cells.quantiles(cell, 2)});
  return summaries;
}

// Per replication, the total over the horizon of the flows into each exit (and of diverted arrivals).
std::map<std::string, std::vector<double>> route_totals(const RunResults& results) {
  const OutputLayout& layout = results.layout;
  std::map<std::string, std::vector<double>> totals;
  for (size_t key = 0; key < layout.flows.size(); ++key) {
    const std::string& to = layout.flows[key].to;
    if (std::find(layout.stock_columns.begin(), layout.stock_columns.end(), to) != layout.stock_columns.end()) continue;
    auto& per_replication = totals[to];
    per_replication.resize(static_cast<size_t>(results.flows.rows()), 0.0);
    for (Eigen::Index r = 0; r < results.flows.rows(); ++r)
      for (size_t m = 0; m < layout.months(); ++m)
        per_replication[static_cast<size_t>(r)] += results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key)));
  }
  return totals;
}

double mean(const std::vector<double>& values) {
  double total = 0;
  for (double v : values) total += v;
  return values.empty() ? 0.0 : total / static_cast<double>(values.size());
}

}  // namespace

void check_strategy_matches_base(const Scenario& base, const std::string& base_file, const Scenario& strategy,
                                 const std::string& strategy_file) {
  const auto& ours = strategy.states;
  const auto& theirs = base.states;
  const std::string rule =
      "a strategy must have the same states, in the same order, as its base" + (base_file.empty() ? "" : " " + base_file);
  if (ours.size() != theirs.size())
    throw InputError(strategy_file, "/states", rule + ": it has " + std::to_string(ours.size()) + " states, the base " +
                                                   std::to_string(theirs.size()));
  for (size_t i = 0; i < ours.size(); ++i)
    if (ours[i].id != theirs[i].id)
      throw InputError(strategy_file, "/states/" + std::to_string(i) + "/id",
                       rule + ": \"" + ours[i].id + "\" here, \"" + theirs[i].id + "\" in the base");
  if (strategy.start_date != base.start_date)
    throw InputError(strategy_file, "/start_date",
                     "must equal the base's start date " + format_iso_date(base.start_date) + ", got " +
                         format_iso_date(strategy.start_date));
  if (strategy.horizon_months != base.horizon_months)
    throw InputError(strategy_file, "/horizon_months",
                     "must equal the base's horizon of " + std::to_string(base.horizon_months) + " months, got " +
                         std::to_string(strategy.horizon_months));
}

std::vector<NamedComparison> ranked_by_effect(const std::vector<NamedComparison>& comparisons) {
  std::vector<NamedComparison> ranked = comparisons;
  std::stable_sort(ranked.begin(), ranked.end(), [](const NamedComparison& a, const NamedComparison& b) {
    double end_a = a.comparison.in_care_difference.empty() ? 0 : a.comparison.in_care_difference.back().mean;
    double end_b = b.comparison.in_care_difference.empty() ? 0 : b.comparison.in_care_difference.back().mean;
    if (end_a != end_b) return end_a < end_b;
    return a.comparison.child_days_avoided.mean > b.comparison.child_days_avoided.mean;
  });
  return ranked;
}

StrategyComparison compare_runs(const RunResults& base, const RunResults& strategy, const std::vector<Comparator>& comparators) {
  const OutputLayout& layout = base.layout;
  if (layout.stock_columns != strategy.layout.stock_columns || layout.snapshot_dates != strategy.layout.snapshot_dates ||
      base.stocks.rows() != strategy.stocks.rows() || base.seed != strategy.seed)
    throw std::invalid_argument("a strategy must have the base's states, start date, horizon, replications and seed");
  const auto replications = base.stocks.rows();
  const auto in_care = layout.in_care_column();
  StrategyComparison comparison;
  comparison.dates = layout.snapshot_dates;
  CountMatrix in_care_differences(replications, static_cast<Eigen::Index>(layout.snapshots()));
  for (size_t k = 0; k < layout.snapshots(); ++k) {
    auto cell = static_cast<Eigen::Index>(layout.stock_cell(k, in_care));
    in_care_differences.col(static_cast<Eigen::Index>(k)) = strategy.stocks.col(cell) - base.stocks.col(cell);
    comparison.base_in_care.push_back(base.stocks.col(cell).cast<double>().mean());
    comparison.strategy_in_care.push_back(strategy.stocks.col(cell).cast<double>().mean());
  }
  comparison.in_care_difference = summarize_differences(in_care_differences);

  DaysMatrix avoided(replications, 1);
  for (Eigen::Index r = 0; r < replications; ++r) {
    double days = 0;
    for (size_t m = 0; m < layout.months(); ++m) {
      auto cell = static_cast<Eigen::Index>(layout.day_cell(m, in_care));
      days += base.care_days(r, cell) - strategy.care_days(r, cell);
    }
    avoided(r, 0) = days;
  }
  comparison.child_days_avoided = summarize_differences(avoided).front();

  auto base_routes = route_totals(base), strategy_routes = route_totals(strategy);
  std::vector<std::string> routes;
  for (const auto& [route, values] : base_routes) routes.push_back(route);
  for (const auto& [route, values] : strategy_routes)
    if (!base_routes.count(route)) routes.push_back(route);
  DaysMatrix route_differences(replications, static_cast<Eigen::Index>(routes.size()));
  std::vector<double> zeros(static_cast<size_t>(replications), 0.0);
  for (size_t i = 0; i < routes.size(); ++i) {
    const auto& b = base_routes.count(routes[i]) ? base_routes[routes[i]] : zeros;
    const auto& s = strategy_routes.count(routes[i]) ? strategy_routes[routes[i]] : zeros;
    for (Eigen::Index r = 0; r < replications; ++r)
      route_differences(r, static_cast<Eigen::Index>(i)) = s[static_cast<size_t>(r)] - b[static_cast<size_t>(r)];
    comparison.routes.push_back({routes[i], mean(b), mean(s), {}});
  }
  const auto route_summaries = summarize_differences(route_differences);
  for (size_t i = 0; i < routes.size(); ++i) comparison.routes[i].difference = route_summaries[i];

  for (size_t k = 12; k < layout.snapshots(); k += 12)
    for (const auto& comparator : comparators)
      comparison.comparators.push_back({layout.snapshot_dates[k], comparator.id, comparator.count,
                                        share_in_care_at_or_below(base, k, comparator.count),
                                        share_in_care_at_or_below(strategy, k, comparator.count)});

  // Net savings by financial year: everything the base costs minus everything the strategy costs,
  // its own running costs included.
  if (layout.financial_years.size() == strategy.layout.financial_years.size()) {
    DaysMatrix base_years = financial_year_costs(base), strategy_years = financial_year_costs(strategy);
    const DaysMatrix net = base_years - strategy_years;
    const auto net_savings = summarize_differences(net);
    auto share_above_zero = [](const auto& column) {
      return column.size() == 0 ? 0.0 : static_cast<double>((column.array() > 0).count()) / static_cast<double>(column.size());
    };
    for (size_t y = 0; y < layout.financial_years.size(); ++y) {
      auto column = static_cast<Eigen::Index>(y);
      comparison.savings.push_back({layout.financial_years[y].label, base_years.col(column).mean(),
                                    strategy_years.col(column).mean(), net_savings[y], share_above_zero(net.col(column))});
    }
    // The whole forecast: each replication's years added up in year order.
    DaysMatrix base_total = DaysMatrix::Zero(base_years.rows(), 1), strategy_total = base_total, net_total = base_total;
    for (Eigen::Index r = 0; r < net.rows(); ++r)
      for (Eigen::Index y = 0; y < net.cols(); ++y) {
        base_total(r, 0) += base_years(r, y);
        strategy_total(r, 0) += strategy_years(r, y);
        net_total(r, 0) += net(r, y);
      }
    if (net.rows() > 0)
      comparison.all_years = {"all", base_total.col(0).mean(), strategy_total.col(0).mean(), summarize_differences(net_total)[0],
                              share_above_zero(net_total.col(0))};
  }
  return comparison;
}

}  // namespace caseflow
