#pragma once
// Maximum-likelihood estimates of one transition's waiting-time law from right-censored and
// left-truncated stays: occurrence/exposure for the exponential, Newton's method on the log-likelihood
// for the Weibull, with standard errors from the observed information (the inverse of minus the Hessian
// at the maximum). Competing transitions are estimated one at a time, each treating the others as
// censoring, which is exact for competing risks with independent latent times.

#include <string>
#include <vector>

namespace caseflow {

// Time at risk in one stay: from `entry` to `exit` days since entering the state. entry > 0 when the
// stay was already under way when observation began (left truncation); `event` when the transition
// happened at `exit` (otherwise the stay was censored there).
struct RiskInterval {
  double entry = 0;
  double exit = 0;
  bool event = false;
};

struct ExponentialFit {
  double events = 0;
  double exposure_days = 0;
  double rate_per_day = 0;  // events / exposure
  double rate_se = 0;       // sqrt(events) / exposure
  double mean_days = 0;     // 1 / rate
  double mean_se = 0;       // delta method: mean / sqrt(events)
};

ExponentialFit fit_exponential(const std::vector<RiskInterval>& intervals);

struct WeibullFit {
  bool converged = false;
  std::string problem;  // why not, when not
  double shape = 1;
  double scale_days = 1;
  // On the log scale, where the likelihood is close to normal: the law parameter draws use.
  double log_shape_se = 0;
  double log_scale_se = 0;
  double correlation = 0;
  double log_likelihood = 0;
  int iterations = 0;
  double events = 0;
  double exposure_days = 0;
};

// Times under half a day are taken as half a day: data are in whole days and an event on the day of
// entry would otherwise have an infinite log-hazard when the shape exceeds 1.
WeibullFit fit_weibull(const std::vector<RiskInterval>& intervals);

// The log-likelihood the fit maximises, for tests: sum of event * log h(exit) - (H(exit) - H(entry)).
double weibull_log_likelihood(const std::vector<RiskInterval>& intervals, double shape, double scale_days);

}  // namespace caseflow
