#include "caseflow/summary.hpp"

#include <gtest/gtest.h>

#include "caseflow/run_outputs.hpp"

using namespace caseflow;

// Reference values from numpy 1.24: np.quantile(x, p) with the default method "linear".
TEST(Summary, QuantilesMatchNumpyLinear) {
  std::vector<double> x{1, 2, 3, 4, 10};
  EXPECT_DOUBLE_EQ(quantile_sorted(x, 0.05), 1.2);
  EXPECT_DOUBLE_EQ(quantile_sorted(x, 0.25), 2.0);
  EXPECT_DOUBLE_EQ(quantile_sorted(x, 0.5), 3.0);
  EXPECT_DOUBLE_EQ(quantile_sorted(x, 0.95), 8.8);
  EXPECT_DOUBLE_EQ(quantile_sorted(x, 1.0), 10.0);
  EXPECT_DOUBLE_EQ(quantile_sorted({7}, 0.05), 7.0);
  // np.quantile(np.r_[np.zeros(949), 6, 7, np.full(49, 8)], 0.95) == 6.0499999999999545: numpy's lerp to the bit.
  std::vector<double> many(949, 0.0);
  many.push_back(6);
  many.push_back(7);
  many.insert(many.end(), 49, 8.0);
  EXPECT_EQ(format_number(quantile_sorted(many, 0.95)), "6.0499999999999545");
}

TEST(Summary, MeansAndQuantilesPerCell) {
  CountMatrix counts(4, 2);
  counts << 1, 10, 2, 20, 3, 30, 4, 40;
  CellSummary summary = summarize_cells(counts, {0.5, 0.25});
  EXPECT_DOUBLE_EQ(summary.mean(0), 2.5);
  EXPECT_DOUBLE_EQ(summary.mean(1), 25.0);
  EXPECT_DOUBLE_EQ(summary.quantiles(0, 0), 2.5);
  EXPECT_DOUBLE_EQ(summary.quantiles(1, 1), 17.5);
}

TEST(Summary, NumbersAreWrittenShortestAndExact) {
  EXPECT_EQ(format_number(336), "336");
  EXPECT_EQ(format_number(12.5), "12.5");
  EXPECT_EQ(format_number(-0.0), "0");
  EXPECT_EQ(format_number(0.1 + 0.2), "0.30000000000000004");
}
