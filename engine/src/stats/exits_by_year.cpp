#include "caseflow/stats/exits_by_year.hpp"

#include "caseflow/base/financial_year.hpp"

namespace caseflow {

ExitsByYear summarize_exits_by_year(const RunResults& results, const Scenario& scenario) {
  const OutputLayout& layout = results.layout;
  const size_t exits = scenario.exits.size(), routes = exits + 1;  // each exit, then all exits
  ExitsByYear summary;
  std::vector<size_t> year_of_month;
  for (size_t m = 0; m < layout.months(); ++m) {
    // The year holding most of the month's days (its middle day): from 31 March, the month to 30 April is
    // in the year starting on 1 April, not a "year" of its own that would shift every later year by a month.
    const Date from = layout.snapshot_dates[m], to = layout.snapshot_dates[m + 1];
    int year = financial_year_of(from + std::chrono::days{days_between(from, to) / 2});
    if (summary.financial_years.empty() || summary.financial_years.back() != year) {
      summary.financial_years.push_back(year);
      summary.months.push_back(0);
    }
    ++summary.months.back();
    year_of_month.push_back(summary.financial_years.size() - 1);
  }
  std::vector<int> route_of_key(layout.flows.size(), -1);
  for (size_t key = 0; key < layout.flows.size(); ++key)
    for (size_t e = 0; e < exits; ++e)
      if (layout.flows[key].to == scenario.exits[e].id) route_of_key[key] = static_cast<int>(e);

  // Each replication's exits per year and route, then the same summary as the flows'.
  const Eigen::Index replications = results.flows.rows();
  CountMatrix per_year = CountMatrix::Zero(replications, static_cast<Eigen::Index>(summary.financial_years.size() * routes));
  auto column = [&](size_t year, size_t route) { return static_cast<Eigen::Index>(year * routes + route); };
  for (Eigen::Index r = 0; r < replications; ++r)
    for (size_t m = 0; m < layout.months(); ++m)
      for (size_t key = 0; key < layout.flows.size(); ++key) {
        if (route_of_key[key] < 0) continue;
        int32_t count = results.flows(r, static_cast<Eigen::Index>(layout.flow_cell(m, key)));
        per_year(r, column(year_of_month[m], static_cast<size_t>(route_of_key[key]))) += count;
        per_year(r, column(year_of_month[m], exits)) += count;
      }
  summary.exits = {routes, summarize_cells(per_year, kFlowQuantiles)};
  return summary;
}

}  // namespace caseflow
