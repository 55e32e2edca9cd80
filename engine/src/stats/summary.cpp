#include "caseflow/stats/summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <type_traits>

namespace caseflow {

double quantile_sorted(const std::vector<double>& sorted, double p) {
  if (sorted.empty()) return std::numeric_limits<double>::quiet_NaN();
  double h = (static_cast<double>(sorted.size()) - 1.0) * p;
  size_t below = static_cast<size_t>(std::floor(h));
  if (below + 1 >= sorted.size()) return sorted.back();
  // numpy's own arithmetic (numpy/lib/function_base.py, _lerp), so figures agree to the last bit.
  double a = sorted[below], b = sorted[below + 1], gamma = h - static_cast<double>(below);
  return gamma >= 0.5 ? b - (b - a) * (1.0 - gamma) : a + (b - a) * gamma;
}

namespace {

// Sorts counts (whole numbers in a double vector) by counting them when their range is no wider than
// their number, which it nearly always is for children in a state: linear time rather than n log n, for
// the same sorted vector.
void sort_counts(std::vector<double>& counts, std::vector<uint32_t>& tally) {
  if (counts.empty()) return;
  const auto [low, high] = std::minmax_element(counts.begin(), counts.end());
  const double range = *high - *low;
  if (range >= static_cast<double>(counts.size())) {
    std::sort(counts.begin(), counts.end());
    return;
  }
  const double lowest = *low;
  tally.assign(static_cast<size_t>(range) + 1, 0);
  for (double count : counts) ++tally[static_cast<size_t>(count - lowest)];
  auto out = counts.begin();
  for (size_t offset = 0; offset < tally.size(); ++offset) out = std::fill_n(out, tally[offset], lowest + static_cast<double>(offset));
}

}  // namespace

template <class Value>
CellSummary summarize_cells(const Eigen::Matrix<Value, Eigen::Dynamic, Eigen::Dynamic>& values,
                            const std::vector<double>& probabilities, MeanSum sum) {
  constexpr bool counts = std::is_integral_v<Value>;
  CellSummary summary;
  summary.probabilities = probabilities;
  const Eigen::Index cells = values.cols();
  const Eigen::Index replications = values.rows();
  summary.mean.resize(cells);
  summary.quantiles.resize(cells, static_cast<Eigen::Index>(probabilities.size()));
  std::vector<double> column(static_cast<size_t>(replications));
  std::vector<uint32_t> tally;
  for (Eigen::Index cell = 0; cell < cells; ++cell) {
    double total = 0;
    for (Eigen::Index r = 0; r < replications; ++r) {
      column[static_cast<size_t>(r)] = static_cast<double>(values(r, cell));
      total += static_cast<double>(values(r, cell));
    }
    if (replications == 0)
      summary.mean(cell) = std::numeric_limits<double>::quiet_NaN();
    else if (counts || sum == MeanSum::in_order)
      summary.mean(cell) = total / static_cast<double>(replications);
    else
      summary.mean(cell) = values.col(cell).mean();
    if constexpr (counts)
      sort_counts(column, tally);
    else
      std::sort(column.begin(), column.end());
    for (size_t q = 0; q < probabilities.size(); ++q)
      summary.quantiles(cell, static_cast<Eigen::Index>(q)) = quantile_sorted(column, probabilities[q]);
  }
  return summary;
}

template CellSummary summarize_cells(const Eigen::Matrix<int32_t, Eigen::Dynamic, Eigen::Dynamic>&, const std::vector<double>&,
                                     MeanSum);
template CellSummary summarize_cells(const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic>&, const std::vector<double>&,
                                     MeanSum);

}  // namespace caseflow
