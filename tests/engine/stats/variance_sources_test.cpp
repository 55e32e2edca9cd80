// The share of a forecast's variance due to each source: each layer's variance is that of a run with that
// layer; the shares add up to 1; with no stated uncertainty everything is chance; and drift's share grows
// with the horizon, as real forecast errors do.

#include <cmath>

#include <gtest/gtest.h>

#include "caseflow/stats/variance_sources.hpp"
#include "test_support.hpp"

using namespace caseflow;
using namespace caseflow::testing;

namespace {

json uncertain_scenario() {
  json d = scenario_skeleton(36);
  d["states"] = {{{"id", "a"}}};
  d["exits"] = {{{"id", "home"}}};
  d["transitions"] = {{{"from", "a"}, {"to", "home"}, {"time", exponential(300)}, }};
  d["transitions"][0]["time"]["mean_days_range"] = {240, 380};
  d["arrivals"] = {{{"state", "a"}, {"per_year", 150}, {"per_year_range", {120, 190}}, {"age_years", {{"5-9", 1.0}}}}};
  d["initial_population"] = {{{"state", "a"}, {"count", 120}, {"age_years", {{"5-9", 1.0}}}}};
  d["drift"] = {{"arrivals", {{"volatility_per_year", 0.2}}}};
  return d;
}

RunOptions options_for(Uncertainty uncertainty) {
  RunOptions options;
  options.replications = 300;
  options.seed = 11;
  options.uncertainty = uncertainty;
  return options;
}

double in_care_variance(const RunResults& results, size_t snapshot) {
  auto column = results.stocks.col(static_cast<Eigen::Index>(results.layout.stock_cell(snapshot, results.layout.in_care_column())))
                    .cast<double>();
  return (column.array() - column.mean()).square().sum() / static_cast<double>(column.size() - 1);
}

}  // namespace

TEST(VarianceSources, EachLayerIsItsOwnRunAndTheSharesAddUp) {
  Simulation simulation(scenario_from_json(uncertain_scenario()));
  const RunOptions options = options_for(Uncertainty::all);
  RunResults all = run_replications(simulation, options);
  VarianceSources sources = variance_sources(simulation, options, all);
  EXPECT_TRUE(sources.held.parameters && sources.held.drift);
  RunResults chance = run_replications(simulation, options_for(Uncertainty::chance));
  RunResults parameters = run_replications(simulation, options_for(Uncertainty::parameters));
  for (size_t k : {12, 24, 36}) {
    EXPECT_EQ(sources.in_care_chance[k], in_care_variance(chance, k));
    EXPECT_EQ(sources.in_care_parameters[k], in_care_variance(parameters, k));
    EXPECT_EQ(sources.in_care_all[k], in_care_variance(all, k));
    VarianceSources::Shares shares = sources.in_care_shares(k);
    EXPECT_NEAR(shares.chance + shares.parameters + shares.drift, 1.0, 1e-12);
    EXPECT_GT(shares.parameters, 0.1) << k;
  }
  // The start is known: no variance, and then everything is (trivially) chance.
  EXPECT_EQ(sources.in_care_all[0], 0);
  EXPECT_EQ(sources.in_care_shares(0).chance, 1);
  // Drift adds more the further ahead: its share at 36 months is above its share at 12.
  EXPECT_GT(sources.in_care_shares(36).drift, sources.in_care_shares(12).drift);
}

TEST(VarianceSources, WithoutStatedUncertaintyEverythingIsChance) {
  json d = uncertain_scenario();
  d.erase("drift");
  d["arrivals"][0].erase("per_year_range");
  d["transitions"][0]["time"].erase("mean_days_range");
  Simulation simulation(scenario_from_json(d));
  const RunOptions options = options_for(Uncertainty::all);
  VarianceSources sources = variance_sources(simulation, options, run_replications(simulation, options));
  EXPECT_TRUE(sources.held.chance_alone());
  for (size_t k = 1; k <= 36; ++k) {
    EXPECT_EQ(sources.in_care_shares(k).chance, 1);
    EXPECT_EQ(sources.in_care_shares(k).drift, 0);
  }
}

TEST(VarianceSources, DriftAloneIsMeasuredAgainstChance) {
  json d = uncertain_scenario();
  d["arrivals"][0].erase("per_year_range");
  d["transitions"][0]["time"].erase("mean_days_range");
  Simulation simulation(scenario_from_json(d));
  const RunOptions options = options_for(Uncertainty::all);
  VarianceSources sources = variance_sources(simulation, options, run_replications(simulation, options));
  EXPECT_FALSE(sources.held.parameters);
  EXPECT_TRUE(sources.held.drift);
  EXPECT_EQ(sources.in_care_shares(36).parameters, 0);
  EXPECT_GT(sources.in_care_shares(36).drift, 0.2);
}
