#include "caseflow/stats/summary.hpp"

#include <algorithm>
#include <cmath>

#include <gtest/gtest.h>

#include "caseflow/base/number_format.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/stats/summary_grid.hpp"

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

// Money and counts never in scientific notation (budget.csv wrote "1.8e+07"), and still exact.
TEST(Summary, NumbersAreNeverWrittenInScientificNotation) {
  EXPECT_EQ(format_number(18e6), "18000000");
  EXPECT_EQ(format_number(-2.5e9), "-2500000000");
  EXPECT_EQ(format_number(1e20), "100000000000000000000");
  EXPECT_EQ(format_number(0.00005), "0.00005");
  for (double value : {18e6, 17136000.0, 1234567.8912345678, 0.1 + 0.2, 4.1e-7, 9.87654321e15, 1.0 / 3.0}) {
    std::string text = format_number(value);
    EXPECT_EQ(text.find_first_of("eE"), std::string::npos) << text;
    EXPECT_EQ(std::stod(text), value) << text;
  }
}

// Counts are sorted by counting when their range is narrow and by comparison when it is wide: either way
// the quantiles are those of the fully sorted column, ties and all.
TEST(Summary, QuantilesOfNarrowAndWideCountsEqualThoseOfTheSortedColumn) {
  const int replications = 1001;
  CountMatrix counts(replications, 2);
  uint64_t state = 12345;
  for (int r = 0; r < replications; ++r) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    counts(r, 0) = 40 + static_cast<int32_t>((state >> 33) % 25);    // narrow: 25 values, many ties
    counts(r, 1) = static_cast<int32_t>((state >> 20) % 1000000);    // wide: wider than the replications
  }
  CellSummary summary = summarize_cells(counts, kStockQuantiles);
  for (int cell = 0; cell < 2; ++cell) {
    std::vector<double> sorted(counts.col(cell).data(), counts.col(cell).data() + replications);
    std::sort(sorted.begin(), sorted.end());
    for (size_t q = 0; q < kStockQuantiles.size(); ++q)
      EXPECT_EQ(summary.quantiles(cell, static_cast<Eigen::Index>(q)), quantile_sorted(sorted, kStockQuantiles[q]))
          << "cell " << cell << " p " << kStockQuantiles[q];
  }
}

// Doubles go through the same routine: sorted by comparison, and their mean added up in the order asked
// for. 1e16 + 1 rounds back to 1e16, so adding 1e16, 1, -1e16, 1 in order gives 1, not 2.
TEST(Summary, DoublesAreSortedAndAddedUpInTheOrderAskedFor) {
  DaysMatrix values(4, 2);
  values.col(0) << 1e16, 1, -1e16, 1;
  values.col(1) << 3, 1, 2, 0.5;
  CellSummary in_order = summarize_cells(values, {0.5}, MeanSum::in_order);
  EXPECT_EQ(in_order.mean(0), 0.25);
  EXPECT_EQ(in_order.mean(1), 1.625);
  EXPECT_EQ(in_order.quantiles(1, 0), 1.5);
  EXPECT_EQ(in_order.quantiles(0, 0), 1.0);
  CellSummary eigen = summarize_cells(values, {0.5}, MeanSum::eigen);
  EXPECT_EQ(eigen.mean(0), values.col(0).mean());  // Eigen's own sum, packet by packet
  EXPECT_EQ(eigen.quantiles(0, 0), 1.0);
}

TEST(Summary, NoReplicationsGiveNotANumber) {
  CellSummary counts = summarize_cells(CountMatrix(0, 2), kFlowQuantiles);
  CellSummary pounds = summarize_cells(DaysMatrix(0, 1), kFlowQuantiles, MeanSum::in_order);
  EXPECT_TRUE(std::isnan(counts.mean(1)) && std::isnan(counts.quantiles(1, 2)));
  EXPECT_TRUE(std::isnan(pounds.mean(0)) && std::isnan(pounds.quantiles(0, 0)));
}

TEST(Summary, AGridIndexesItsCellsRowByRow) {
  CountMatrix counts(3, 6);
  for (Eigen::Index cell = 0; cell < 6; ++cell) counts.col(cell).setConstant(static_cast<int32_t>(10 * cell));
  SummaryGrid grid{3, summarize_cells(counts, kFlowQuantiles)};
  EXPECT_EQ(grid.rows(), 2u);
  EXPECT_EQ(grid.mean(1, 2), 50.0);
  EXPECT_EQ(grid.quantile(0, 1, 2), 10.0);
  EXPECT_EQ(grid.probabilities(), kFlowQuantiles);
}
