// Back-testing a simulated history with parameter uncertainty: for many simulated councils, fit on three
// years, forecast twelve months with each replication's parameters drawn from their uncertainty, and
// check the forecast bands against what the simulated council then did. If the bands are honest, the
// 90% band holds the observed count in about 90% of councils and the 50% band in about 50%: Binomial
// counts, accepted within 4.5 standard deviations. (Counts are whole numbers and the bands include their
// ends, so coverage runs a little above nominal.)

#include <cmath>
#include <cstdio>
#include <map>

#include <gtest/gtest.h>

#include "caseflow/calibration/backtest.hpp"
#include "caseflow/ssda903/ssda903_export.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

BacktestResult backtest_simulated(const Scenario& truth, uint64_t seed, bool parameter_uncertainty) {
  Simulation simulation(truth);
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(seed, 0, record, &trace);
  Ssda903Mapping mapping = default_mapping();
  DataQualityReport report;
  CareHistories histories = build_care_histories(import_ssda903(export_ssda903(truth, trace, mapping), report), mapping, report);
  BacktestOptions options;
  options.calibration.as_of = day(2019, 3, 31);
  options.calibration.age_split = CalibrationOptions::AgeSplit::never;
  options.months = 12;
  options.run.replications = 200;
  options.run.seed = seed;
  options.run.threads = 1;
  options.run.uncertainty = parameter_uncertainty ? Uncertainty::all : Uncertainty::chance;
  return run_backtest(histories, mapping, options);
}

}  // namespace

TEST(BacktestCoverage, NinetyPercentBandsHoldTheTruthAboutNinetyPercentOfTheTime) {
  Scenario truth = scenario_from_json(load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/calibration/truth.json"));
  const int councils = 100;
  int in90 = 0, in50 = 0;
  std::map<std::string, int> in90_by_state;
  for (uint64_t seed = 1; seed <= councils; ++seed) {
    BacktestResult result = backtest_simulated(truth, 500 + seed, true);
    for (const auto& row : result.rows) {
      if (row.months_ahead == 0) {
        // The forecast starts from the observed population, exactly.
        ASSERT_EQ(row.mean, row.observed) << row.state;
        ASSERT_EQ(row.p05, row.p95) << row.state;
      }
      if (row.months_ahead != 12) continue;
      in90_by_state[row.state] += row.in_90();
      if (row.state == "in_care") {
        in90 += row.in_90();
        in50 += row.in_50();
      }
    }
  }
  std::printf("back-test over %d simulated councils, in care 12 months ahead: in the 90%% band %d times, in the 50%% band "
              "%d times\n  90%% band by state:", councils, in90, in50);
  for (const auto& [state, count] : in90_by_state) std::printf(" %s %d", state.c_str(), count);
  std::printf("\n");
  auto sd = [&](double p) { return std::sqrt(councils * p * (1 - p)); };
  EXPECT_GE(in90, councils * 0.9 - 4.5 * sd(0.9));
  EXPECT_GE(in50, councils * 0.5 - 4.5 * sd(0.5));
  EXPECT_LE(in50, councils * 0.5 + 4.5 * sd(0.5));
  // Each state on its own is a Binomial(100, 0.9) count too (states that are always empty trivially hold).
  for (const auto& [state, count] : in90_by_state) EXPECT_GE(count, councils * 0.9 - 4.5 * sd(0.9)) << state;
}
