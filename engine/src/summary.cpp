#include "caseflow/summary.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

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

CellSummary summarize_cells(const CountMatrix& counts, const std::vector<double>& probabilities) {
  CellSummary summary;
  summary.probabilities = probabilities;
  const Eigen::Index cells = counts.cols();
  const Eigen::Index replications = counts.rows();
  summary.mean.resize(cells);
  summary.quantiles.resize(cells, static_cast<Eigen::Index>(probabilities.size()));
  std::vector<double> column(static_cast<size_t>(replications));
  for (Eigen::Index cell = 0; cell < cells; ++cell) {
    double total = 0;
    for (Eigen::Index r = 0; r < replications; ++r) {
      column[static_cast<size_t>(r)] = counts(r, cell);
      total += counts(r, cell);
    }
    summary.mean(cell) = replications > 0 ? total / static_cast<double>(replications)
                                          : std::numeric_limits<double>::quiet_NaN();
    std::sort(column.begin(), column.end());
    for (size_t q = 0; q < probabilities.size(); ++q)
      summary.quantiles(cell, static_cast<Eigen::Index>(q)) = quantile_sorted(column, probabilities[q]);
  }
  return summary;
}

}  // namespace caseflow
