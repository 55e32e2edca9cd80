// The England-scale scenario against the national figures it is built from (/work/shared/DOMAIN.md,
// "England as a whole"; docs/england-2024.md): 83,630 in care on 31 March 2024, about 33,000 starting and
// 33,000-34,000 leaving a year, returned home about 30% of exits, 3,800-4,100 SGOs and 3,000-3,600
// adoptions a year. A few replications are enough: a quarter of a million children each.

#include <map>
#include <string>

#include <gtest/gtest.h>

#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

constexpr int kReplications = 4;
constexpr double kStartingStock = 83'630;

class England : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/england-2024.json"));
    RunOptions options;
    options.replications = kReplications;
    results_ = new RunResults(run_replications(simulation, options));
  }
  static void TearDownTestSuite() {
    delete results_;
    results_ = nullptr;
  }

  // Mean over the replications of the yearly flows into `to` (an exit, a state, or from "arrival"), over the
  // whole horizon.
  static double per_year(const std::string& from, const std::string& to) {
    const OutputLayout& layout = results_->layout;
    double total = 0;
    for (size_t key = 0; key < layout.flows.size(); ++key) {
      if (layout.flows[key].to != to || (!from.empty() && layout.flows[key].from != from)) continue;
      for (size_t m = 0; m < layout.months(); ++m) total += mean_of(results_->flows, layout.flow_cell(m, key));
    }
    return total / (static_cast<double>(layout.months()) / 12.0);
  }
  static double exits_per_year(const std::string& exit) { return per_year("", exit); }

  static RunResults* results_;
};

RunResults* England::results_ = nullptr;

}  // namespace

TEST_F(England, StartsWithTheChildrenInCareOn31March2024) {
  const OutputLayout& layout = results_->layout;
  EXPECT_EQ(layout.snapshot_dates.size(), 61u);  // 60 months
  for (int r = 0; r < kReplications; ++r)
    EXPECT_EQ(results_->stocks(r, static_cast<Eigen::Index>(layout.stock_cell(0, layout.in_care_column()))), 83'630);
}

// Arrivals and exits balance: the number in care stays within 3% of the start on every 31 March, in every
// replication.
TEST_F(England, TheNumberInCareStaysWithinThreePercentForFiveYears) {
  const OutputLayout& layout = results_->layout;
  for (size_t k = 12; k < layout.snapshots(); k += 12)
    for (int r = 0; r < kReplications; ++r) {
      double in_care = results_->stocks(r, static_cast<Eigen::Index>(layout.stock_cell(k, layout.in_care_column())));
      EXPECT_NEAR(in_care, kStartingStock, 0.03 * kStartingStock)
          << "replication " << r << " on " << format_iso_date(layout.snapshot_dates[k]);
    }
}

TEST_F(England, AboutThirtyThreeThousandStartAndLeaveAYear) {
  EXPECT_NEAR(per_year("arrival", "ico") + per_year("arrival", "section20"), 33'000, 500);
  double exits = 0;
  for (const char* exit : {"reunification", "sgo", "adoption", "aged_18", "other"}) exits += exits_per_year(exit);
  EXPECT_NEAR(exits, 33'000, 1'000);
}

TEST_F(England, ExitsHaveTheNationalMix) {
  double exits = 0;
  for (const char* exit : {"reunification", "sgo", "adoption", "aged_18", "other"}) exits += exits_per_year(exit);
  EXPECT_NEAR(exits_per_year("reunification") / exits, 0.30, 0.02);  // "returned home about 30%"
  EXPECT_GE(exits_per_year("sgo"), 3'800);
  EXPECT_LE(exits_per_year("sgo"), 4'100);
  EXPECT_GE(exits_per_year("adoption"), 3'000);
  EXPECT_LE(exits_per_year("adoption"), 3'600);
  // Turning 18 and the other endings are the rest; neither is negligible.
  EXPECT_GT(exits_per_year("aged_18"), 0.2 * exits);
  EXPECT_GT(exits_per_year("other"), 0.1 * exits);
}
