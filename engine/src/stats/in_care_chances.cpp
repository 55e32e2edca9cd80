#include "caseflow/stats/in_care_chances.hpp"

namespace caseflow {

double share_in_care_at_or_below(const RunResults& results, size_t snapshot, double count) {
  const auto cell = static_cast<Eigen::Index>(results.layout.stock_cell(snapshot, results.layout.in_care_column()));
  const Eigen::Index replications = results.stocks.rows();
  double at_or_below = 0;
  for (Eigen::Index r = 0; r < replications; ++r) at_or_below += results.stocks(r, cell) <= count;
  return at_or_below / static_cast<double>(replications);
}

InCareChances in_care_chances(const RunResults& results, const Scenario& scenario) {
  const OutputLayout& layout = results.layout;
  InCareChances chances;
  chances.comparators = scenario.comparators.size();
  for (size_t k = 0; k < layout.snapshots(); ++k)
    for (const Comparator& comparator : scenario.comparators)
      chances.at_or_below.push_back(share_in_care_at_or_below(results, k, comparator.count));

  const size_t in_care = layout.in_care_column(), last = layout.snapshots() - 1;
  const auto start_cell = static_cast<Eigen::Index>(layout.stock_cell(0, in_care));
  const auto end_cell = static_cast<Eigen::Index>(layout.stock_cell(last, in_care));
  const Eigen::Index replications = results.stocks.rows();
  double fewer = 0, more = 0;
  for (Eigen::Index r = 0; r < replications; ++r) {
    fewer += results.stocks(r, end_cell) < results.stocks(r, start_cell);
    more += results.stocks(r, end_cell) > results.stocks(r, start_cell);
  }
  chances.fewer_at_end = fewer / static_cast<double>(replications);
  chances.more_at_end = more / static_cast<double>(replications);
  return chances;
}

}  // namespace caseflow
