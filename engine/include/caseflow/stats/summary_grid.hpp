#pragma once
// A table of summaries as the outputs show them: a row per period (a snapshot date, a month, a financial
// year) and a column per quantity (a state, a flow, a cost category, an exit), each cell the mean and
// quantiles over replications of one quantity in one period. Cell (row, column) is row * columns + column,
// the order in which OutputLayout lays out the recorded matrices and the CSV files list their rows. What
// the rows and columns are is said where a grid is kept (run_summary.hpp and the tables it holds).

#include <cstddef>
#include <vector>

#include <Eigen/Core>

#include "caseflow/stats/summary.hpp"

namespace caseflow {

struct SummaryGrid {
  size_t columns = 0;
  CellSummary cells;  // by cell: row * columns + column

  size_t rows() const { return columns == 0 ? 0 : static_cast<size_t>(cells.mean.size()) / columns; }
  const std::vector<double>& probabilities() const { return cells.probabilities; }
  double mean(size_t row, size_t column) const { return cells.mean(cell(row, column)); }
  // `quantile` indexes probabilities(): with kStockQuantiles, 0 is the 5th percentile and 4 the 95th.
  double quantile(size_t row, size_t column, size_t quantile) const {
    return cells.quantiles(cell(row, column), static_cast<Eigen::Index>(quantile));
  }

 private:
  Eigen::Index cell(size_t row, size_t column) const { return static_cast<Eigen::Index>(row * columns + column); }
};

}  // namespace caseflow
