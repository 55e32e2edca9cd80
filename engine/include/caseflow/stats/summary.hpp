#pragma once
// Reducing replications to means and quantiles per cell. Quantiles are numpy's default (linear
// interpolation, Hyndman & Fan type 7), so Python users can check any figure with np.quantile.

#include <vector>

#include <Eigen/Core>

#include "caseflow/sim/runner.hpp"

namespace caseflow {

// Type-7 quantile of values already sorted ascending; p in [0, 1].
double quantile_sorted(const std::vector<double>& sorted, double p);

struct CellSummary {
  std::vector<double> probabilities;  // the quantiles asked for, e.g. {0.05, 0.5, 0.95}
  Eigen::VectorXd mean;               // by cell
  Eigen::MatrixXd quantiles;          // cells x probabilities
};

// Mean and quantiles of each column of `counts` (replications x cells).
CellSummary summarize_cells(const CountMatrix& counts, const std::vector<double>& probabilities);

// The probabilities of the contract's outputs.
inline const std::vector<double> kStockQuantiles{0.05, 0.25, 0.5, 0.75, 0.95};
inline const std::vector<double> kFlowQuantiles{0.05, 0.5, 0.95};

}  // namespace caseflow
