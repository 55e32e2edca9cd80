#pragma once
// Parameter uncertainty: each replication runs with its own draw of the uncertain parameters, so the
// spread of the results includes what is not known about the rates, costs and effects, not only the luck of
// the individual children. Two kinds of statement are drawn:
//
// - Estimated parameters with an "uncertainty" (scenario.hpp, docs/calibration.md), as `caseflow calibrate`
//   writes them: an exponential time or arrival rate is drawn as rate' = rate * G / events with
//   G ~ Gamma(events, 1) (the posterior Gamma(events, exposure_days) of a Poisson rate under the prior
//   1/rate, when rate = events / exposure_days; an edited rate keeps its relative uncertainty); a Weibull
//   time's (log shape, log scale) is normal about the values given with the standard errors and correlation
//   given (the asymptotic law of the maximum-likelihood estimate).
// - 90% ranges stated by hand on any number that takes one (parameter_ranges.hpp), and the concentration
//   of the placement mixes (each state's mix drawn from a Dirichlet law about its shares).
//
// Every draw comes from a random stream keyed to (seed, replication, what is drawn), never to a thread or
// to the order of the lists, so results are identical at any thread count, and a strategy run with its
// base draws the same parameters for everything it inherits (common random numbers).

#include <cstdint>
#include <string>
#include <vector>

#include "caseflow/scenario/parameter_ranges.hpp"
#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

// Whether anything in the scenario is uncertain (drift apart: drift.hpp).
bool has_parameter_uncertainty(const Scenario& scenario);

// The Beta law whose 5th and 95th percentiles are p05 and p95 (0 < p05 < p95 < 1).
struct BetaShape {
  double alpha = 1;
  double beta = 1;
};
BetaShape beta_with_percentiles(double p05, double p95);

class ParameterSampler {
 public:
  // Works out each range's law once (a Beta fit takes a few thousand evaluations), for many draws.
  explicit ParameterSampler(const Scenario& scenario);

  bool empty() const { return !calibrated_ && ranged_.empty() && concentration_ <= 0; }

  // `scenario` (the one given to the constructor, or one that differs from it only in what is not drawn)
  // with every uncertain parameter replaced by replication `replication`'s draw.
  Scenario draw(const Scenario& scenario, uint64_t seed, uint64_t replication) const;

 private:
  struct RangedNumber {
    std::string path;
    RangeRule rule;
    double first = 0, second = 0;  // log-normal and normal: location and scale; Beta: alpha and beta
    uint64_t stream_index = 0;
  };
  bool calibrated_ = false;
  std::vector<RangedNumber> ranged_;
  double concentration_ = 0;
};

// The scenario with every uncertain parameter replaced by replication `replication`'s draw (a sampler
// made for one draw; the runner keeps one sampler for a whole run).
Scenario draw_parameters(const Scenario& scenario, uint64_t seed, uint64_t replication);

}  // namespace caseflow
