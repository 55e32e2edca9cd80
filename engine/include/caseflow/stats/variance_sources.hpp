#pragma once
// How much of a forecast's spread each source of uncertainty makes: the same replications run with chance
// alone, with chance and parameters, and with everything (chance, parameters and drift), with one seed, so the
// layers differ only by what they add. The variance of a quantity over replications grows from layer to layer;
// each source's share is what its layer adds. The runs share their random numbers, which keeps the noise in the
// differences small; a layer that adds less than that noise shows as adding nothing (never a negative share).

#include <cstddef>
#include <vector>

#include "caseflow/sim/drawn_replications.hpp"
#include "caseflow/sim/run_results.hpp"
#include "caseflow/sim/runner.hpp"

namespace caseflow {

struct VarianceSources {
  HeldUncertainty held;  // which layers the scenario states anything for
  // The variance over replications of children in care at each snapshot, in each layer's run.
  std::vector<double> in_care_chance, in_care_parameters, in_care_all;
  // The same for each financial year's total cost (empty without costs).
  std::vector<double> cost_chance, cost_parameters, cost_all;

  struct Shares {
    double chance = 1, parameters = 0, drift = 0;  // adding up to 1
  };
  Shares in_care_shares(size_t snapshot) const;
  Shares cost_shares(size_t financial_year) const;
};

// Runs `simulation` with the lower layers of `options.uncertainty` (same seed, replications and threads; a
// layer the scenario states nothing for is the layer below it, not run again) and sets their variances beside
// those of `full_run`, the run of `simulation` with `options` itself.
VarianceSources variance_sources(const Simulation& simulation, const RunOptions& options, const RunResults& full_run);

// How many runs variance_sources makes besides the full run, for bands that hold `held` (for a progress bar).
int variance_source_runs(const HeldUncertainty& held);

}  // namespace caseflow
