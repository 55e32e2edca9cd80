// Parameter recovery: simulate a council whose parameters are known (tests/data/calibration/truth.json)
// for four years, write the children as SSDA903 returns, calibrate on three of them, and check that
// the 95% intervals of the estimates (estimate +- 1.96 SE) hold the true values about 95% of the time
// over many simulated councils. The count of intervals holding the truth is then Binomial(n, 0.95);
// we accept it within 4.5 standard deviations of n * 0.95. (Estimates from one council share some
// children, so they are not quite independent; across councils they are.)

#include <cmath>
#include <cstdio>
#include <set>

#include <gtest/gtest.h>

#include "caseflow/calibration/calibration.hpp"
#include "caseflow/ssda903/ssda903_export.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json truth_scenario() { return load_scenario_json(std::string(CASEFLOW_SOURCE_DIR) + "/tests/data/calibration/truth.json"); }

// Simulate replication 0 of `seed`, export it, import it and calibrate it as of 31 March 2019.
// The whole data window (the truth's rates are constant, so all of it is right), unless a test says otherwise.
CalibrationOptions whole_window(CalibrationOptions::Hazard hazard = CalibrationOptions::Hazard::exponential) {
  CalibrationOptions options;
  options.window_years = 0;
  options.hazard = hazard;
  return options;
}

CalibrationResult calibrate_simulated(const Scenario& truth, uint64_t seed, CalibrationOptions options) {
  Simulation simulation(truth);
  ReplicationRecord record;
  ChildTrace trace;
  simulation.run_replication(seed, 0, record, &trace);
  Ssda903Mapping mapping = default_mapping();
  DataQualityReport report;
  Ssda903Data data = import_ssda903(export_ssda903(truth, trace, mapping), report);
  CareHistories histories = build_care_histories(data, mapping, report);
  options.as_of = day(2019, 3, 31);
  return calibrate(histories, mapping, options);
}

// The estimate of the transition `from` -> `to`, or nullptr when there were no events.
const TransitionEstimate* find(const CalibrationResult& result, const std::string& from, const std::string& to) {
  for (const auto& estimate : result.transitions)
    if (result.scenario.states[estimate.from_state].id == from && result.scenario.destination_id(estimate.to) == to)
      return &estimate;
  return nullptr;
}

struct Band {
  double low, high;
};
Band binomial_band(int n, double p) {
  double sd = std::sqrt(n * p * (1 - p));
  return {n * p - 4.5 * sd, n * p + 4.5 * sd};
}

}  // namespace

TEST(CalibrationRecovery, ExponentialRatesFallInTheir95PercentIntervalsAsOftenAsNominal) {
  Scenario truth = scenario_from_json(truth_scenario());
  CalibrationOptions options = whole_window();
  options.age_split = CalibrationOptions::AgeSplit::never;  // the truth has no age effects
  const int councils = 100;
  int checks = 0, covered = 0, arrival_checks = 0, arrival_covered = 0;
  for (uint64_t seed = 1; seed <= councils; ++seed) {
    CalibrationResult result = calibrate_simulated(truth, seed, options);
    // The window is the three collection years 2016-17 to 2018-19.
    ASSERT_EQ(result.window_start, day(2016, 4, 1));
    for (const auto& transition : truth.transitions) {
      const std::string from = truth.states[transition.from_state].id, to = truth.destination_id(transition.to);
      const TransitionEstimate* estimate = find(result, from, to);
      ASSERT_NE(estimate, nullptr) << from << " -> " << to << " seed " << seed;
      double true_rate = 1.0 / transition.time.mean_days;
      ++checks;
      covered += std::abs(estimate->exponential.rate_per_day - true_rate) < 1.96 * estimate->exponential.rate_se;
    }
    ASSERT_EQ(result.arrivals.size(), truth.arrivals.size()) << "seed " << seed;
    for (size_t a = 0; a < truth.arrivals.size(); ++a) {
      ++arrival_checks;
      arrival_covered += std::abs(result.arrivals[a].per_year - truth.arrivals[a].per_year) < 1.96 * result.arrivals[a].per_year_se;
    }
    // No transition the truth does not have (age_out is not a transition).
    EXPECT_EQ(result.transitions.size(), truth.transitions.size()) << "seed " << seed;
  }
  std::printf("parameter recovery over %d simulated councils: %d of %d transition rates and %d of %d arrival rates "
              "inside their 95%% intervals\n", councils, covered, checks, arrival_covered, arrival_checks);
  Band band = binomial_band(checks, 0.95);
  EXPECT_GE(covered, band.low);
  EXPECT_LE(covered, band.high);
  Band arrival_band = binomial_band(arrival_checks, 0.95);
  EXPECT_GE(arrival_covered, arrival_band.low);
  EXPECT_LE(arrival_covered, arrival_band.high);
}

TEST(CalibrationRecovery, WeibullShapesAndScalesFallInTheir95PercentIntervalsAsOftenAsNominal) {
  // The same council with ICO -> foster a Weibull (shape 1.6, scale 300); every transition with at least
  // 10 events is fitted as a Weibull, and for the exponential ones the true shape is 1, the scale the mean.
  json document = truth_scenario();
  document["transitions"][0]["time"] = {{"dist", "weibull"}, {"shape", 1.6}, {"scale_days", 300}};
  Scenario truth = scenario_from_json(document);
  CalibrationOptions options = whole_window(CalibrationOptions::Hazard::weibull);
  options.age_split = CalibrationOptions::AgeSplit::never;
  const int councils = 60;
  int checks = 0, covered = 0, ico_foster_covered = 0;
  for (uint64_t seed = 1; seed <= councils; ++seed) {
    CalibrationResult result = calibrate_simulated(truth, 1000 + seed, options);
    for (const auto& transition : truth.transitions) {
      const TransitionEstimate* estimate =
          find(result, truth.states[transition.from_state].id, truth.destination_id(transition.to));
      ASSERT_NE(estimate, nullptr);
      if (!estimate->weibull) continue;
      const WeibullFit& fit = *estimate->weibull;
      bool weibull = transition.time.kind == TimeDistribution::Kind::weibull;
      double shape = weibull ? transition.time.shape : 1.0;
      double scale = weibull ? transition.time.scale_days : transition.time.mean_days;
      bool shape_in = std::abs(std::log(fit.shape / shape)) < 1.96 * fit.log_shape_se;
      bool scale_in = std::abs(std::log(fit.scale_days / scale)) < 1.96 * fit.log_scale_se;
      checks += 2;
      covered += shape_in + scale_in;
      if (weibull) ico_foster_covered += shape_in;
    }
  }
  std::printf("Weibull recovery over %d simulated councils: %d of %d log-shape and log-scale intervals hold the truth; "
              "ICO -> foster shape 1.6 inside its interval in %d\n", councils, covered, checks, ico_foster_covered);
  Band band = binomial_band(checks, 0.95);
  EXPECT_GE(covered, band.low);
  EXPECT_LE(covered, band.high);
  EXPECT_GE(ico_foster_covered, binomial_band(councils, 0.95).low);
}

TEST(CalibrationRecovery, AgeEffectsAreFoundWhereTheyExist) {
  // ICO -> foster four times as fast under 5 as from 5: the likelihood-ratio test should split it by age
  // in (nearly) every council; the other transitions have no age effect, and at the 1% level a council's
  // dozen tests split one of them about 12% of the time: over 20 councils a Binomial(240, 0.01) count of
  // false splits, mean 2.4, which we accept up to 4.5 SD above (9).
  json document = truth_scenario();
  document["transitions"][0]["ages"] = {5, 18};
  document["transitions"][0]["time"] = exponential(600);
  document["transitions"].push_back({{"from", "ico"}, {"to", "foster"}, {"time", exponential(150)}, {"ages", {0, 5}}});
  Scenario truth = scenario_from_json(document);
  const int councils = 20;
  int target_split = 0, false_splits = 0, young_within = 0;
  for (uint64_t seed = 1; seed <= councils; ++seed) {
    CalibrationResult result = calibrate_simulated(truth, 2000 + seed, whole_window());
    std::set<std::pair<std::string, std::string>> split;
    for (const auto& estimate : result.transitions) {
      std::pair<std::string, std::string> key{result.scenario.states[estimate.from_state].id,
                                              result.scenario.destination_id(estimate.to)};
      if (!estimate.by_age) continue;
      split.insert(key);
      if (key == std::make_pair(std::string("ico"), std::string("foster")) && estimate.min_age == 1)
        young_within += std::abs(estimate.exponential.rate_per_day - 1.0 / 150) < 4.5 * estimate.exponential.rate_se;
    }
    target_split += split.count({"ico", "foster"});
    false_splits += static_cast<int>(split.size()) - static_cast<int>(split.count({"ico", "foster"}));
  }
  std::printf("age split over %d councils: ICO -> foster (4x faster under 5) split in %d; transitions without an age "
              "effect split %d times\n", councils, target_split, false_splits);
  EXPECT_GE(target_split, councils - 1);
  EXPECT_EQ(young_within, target_split);
  EXPECT_LE(false_splits, 9);
}
