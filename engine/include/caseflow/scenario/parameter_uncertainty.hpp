#pragma once
// Parameter uncertainty: each replication runs with its own draw of the uncertain parameters, so the
// spread of the results includes what the data leave unknown about the rates, not only the luck of
// the individual children.
//
// A transition time or arrival stream with an "uncertainty" (scenario.hpp, docs/calibration.md) is drawn as:
// - exponential time, arrival rate: rate' = rate * G / events with G ~ Gamma(events, 1). When the rate is
//   events / exposure_days (as `caseflow calibrate` writes it) this is the posterior Gamma(events,
//   exposure_days) of a Poisson rate under the prior 1/rate; an edited rate keeps its relative uncertainty.
// - weibull time: (log shape, log scale) normal about the values given with the standard errors and
//   correlation given (the asymptotic law of the maximum-likelihood estimate).
// The draws of transition i (or arrival stream j) in replication r come from their own random stream
// keyed to (seed, r, i), never to a thread, so results are identical at any thread count, and two
// scenarios with the same transitions draw the same parameters (common random numbers).

#include <cstdint>

#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

bool has_parameter_uncertainty(const Scenario& scenario);

// The scenario with every uncertain parameter replaced by replication `replication`'s draw.
Scenario draw_parameters(const Scenario& scenario, uint64_t seed, uint64_t replication);


}  // namespace caseflow
