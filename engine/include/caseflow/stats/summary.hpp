#pragma once
// Reducing replications to means and quantiles per cell: the one routine behind every summary of a run or
// a comparison, for counts, pounds, child-days and paired differences alike. Quantiles are numpy's default
// (linear interpolation, Hyndman & Fan type 7), so Python users can check any figure with np.quantile.

#include <vector>

#include <Eigen/Core>

namespace caseflow {

// Type-7 quantile of values already sorted ascending; p in [0, 1].
double quantile_sorted(const std::vector<double>& sorted, double p);

struct CellSummary {
  std::vector<double> probabilities;  // the quantiles asked for, e.g. {0.05, 0.5, 0.95}
  Eigen::VectorXd mean;               // by cell
  Eigen::MatrixXd quantiles;          // cells x probabilities
};

// How a column of doubles is added up for its mean. Counts add up exactly in any order, so for them the
// choice makes no difference; pounds and child-days do not, and each table keeps the order in which its
// published figures were always computed, so that no figure moves by a bit:
enum class MeanSum {
  eigen,     // Eigen's sum of the column where it lies (in SIMD packets): the cost tables
  in_order,  // from the first replication to the last: a strategy's paired differences from its base
};

// Mean and quantiles of each column of `values` (replications x cells). Counts (int32_t) are sorted by
// counting them, in linear time; doubles by comparison. With no replications, every figure is NaN.
template <class Value>
CellSummary summarize_cells(const Eigen::Matrix<Value, Eigen::Dynamic, Eigen::Dynamic>& values,
                            const std::vector<double>& probabilities, MeanSum sum = MeanSum::eigen);

// The probabilities of the contract's outputs.
inline const std::vector<double> kStockQuantiles{0.05, 0.25, 0.5, 0.75, 0.95};
inline const std::vector<double> kFlowQuantiles{0.05, 0.5, 0.95};

}  // namespace caseflow
