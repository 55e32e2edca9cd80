#include "caseflow/calibration/hazard_estimation.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Dense>

namespace caseflow {

namespace {

constexpr double kMinimumDays = 0.5;

struct Derivatives {
  double value = 0;
  Eigen::Vector2d gradient = Eigen::Vector2d::Zero();
  Eigen::Matrix2d hessian = Eigen::Matrix2d::Zero();
};

// The log-likelihood in (a, b) = (log shape, log scale) with its gradient and Hessian.
// With k = e^a, u = log t - b and A = (t/s)^k = e^(k u), one interval contributes
//   l = event (a + k u1 - log t1) - A1 + A0,
// and dA/da = k u A, dA/db = -k A give the derivatives below.
Derivatives weibull_derivatives(const std::vector<RiskInterval>& intervals, double a, double b) {
  const double k = std::exp(a);
  Derivatives d;
  for (const auto& interval : intervals) {
    double t1 = std::max(interval.exit, kMinimumDays);
    double t0 = std::min(interval.entry, t1);
    double u1 = std::log(t1) - b;
    double A1 = std::exp(k * u1);
    double u0 = 0, A0 = 0;
    if (t0 > 0) {
      u0 = std::log(t0) - b;
      A0 = std::exp(k * u0);
    }
    double e = interval.event ? 1.0 : 0.0;
    d.value += e * (a + k * u1 - std::log(t1)) - A1 + A0;
    d.gradient(0) += e * (1 + k * u1) - k * (u1 * A1 - u0 * A0);
    d.gradient(1) += -e * k + k * (A1 - A0);
    d.hessian(0, 0) += e * k * u1 - k * u1 * A1 * (1 + k * u1) + k * u0 * A0 * (1 + k * u0);
    double cross = -e * k + k * (A1 - A0) + k * k * (u1 * A1 - u0 * A0);
    d.hessian(0, 1) += cross;
    d.hessian(1, 0) += cross;
    d.hessian(1, 1) += -k * k * (A1 - A0);
  }
  return d;
}

}  // namespace

ExponentialFit fit_exponential(const std::vector<RiskInterval>& intervals) {
  ExponentialFit fit;
  for (const auto& interval : intervals) {
    fit.exposure_days += std::max(0.0, interval.exit - interval.entry);
    if (interval.event) fit.events += 1;
  }
  if (fit.exposure_days > 0) {
    fit.rate_per_day = fit.events / fit.exposure_days;
    fit.rate_se = std::sqrt(fit.events) / fit.exposure_days;
  }
  if (fit.events > 0) {
    fit.mean_days = fit.exposure_days / fit.events;
    fit.mean_se = fit.mean_days / std::sqrt(fit.events);
  }
  return fit;
}

double weibull_log_likelihood(const std::vector<RiskInterval>& intervals, double shape, double scale_days) {
  return weibull_derivatives(intervals, std::log(shape), std::log(scale_days)).value;
}

WeibullFit fit_weibull(const std::vector<RiskInterval>& intervals) {
  WeibullFit fit;
  ExponentialFit start = fit_exponential(intervals);
  fit.events = start.events;
  fit.exposure_days = start.exposure_days;
  if (start.events < 2) {
    fit.problem = "fewer than 2 events";
    return fit;
  }
  if (!(start.exposure_days > 0)) {
    fit.problem = "no time at risk";
    return fit;
  }
  // Start from the exponential fit (shape 1), a point inside the region where the likelihood is concave
  // in practice; damp Newton steps that fail to increase the likelihood.
  Eigen::Vector2d theta(0.0, std::log(start.mean_days));
  Derivatives current = weibull_derivatives(intervals, theta(0), theta(1));
  constexpr int kMaxIterations = 200;
  for (fit.iterations = 1; fit.iterations <= kMaxIterations; ++fit.iterations) {
    Eigen::Matrix2d information = -current.hessian;
    Eigen::Vector2d step;
    Eigen::LLT<Eigen::Matrix2d> llt(information);
    if (llt.info() == Eigen::Success && information.determinant() > 0) {
      step = llt.solve(current.gradient);
    } else {
      // Not concave here: a gradient step scaled to at most 0.5 on the log scale.
      double norm = current.gradient.norm();
      step = Eigen::Vector2d::Zero();
      if (norm > 0) step = current.gradient * (0.5 / std::max(norm, 1.0));
    }
    // Log-scale steps above 1 (a factor e) are cut back, then halved until the likelihood improves.
    if (double size = step.cwiseAbs().maxCoeff(); size > 1) step /= size;
    Derivatives next;
    double factor = 1;
    bool improved = false;
    for (int halving = 0; halving < 40; ++halving, factor /= 2) {
      Eigen::Vector2d candidate = theta + factor * step;
      next = weibull_derivatives(intervals, candidate(0), candidate(1));
      if (std::isfinite(next.value) && next.value >= current.value - 1e-12 * std::abs(current.value)) {
        theta = candidate;
        improved = true;
        break;
      }
    }
    if (!improved) break;
    current = next;
    if ((factor * step).cwiseAbs().maxCoeff() < 1e-10 || current.gradient.cwiseAbs().maxCoeff() < 1e-9 * std::max(1.0, start.events)) {
      fit.converged = true;
      break;
    }
    if (std::abs(theta(0)) > std::log(100.0)) break;  // shape below 0.01 or above 100: no sensible maximum
  }
  fit.shape = std::exp(theta(0));
  fit.scale_days = std::exp(theta(1));
  fit.log_likelihood = current.value;
  if (!fit.converged) {
    fit.problem = "Newton's method did not converge (shape heading to " + std::to_string(fit.shape) + ")";
    return fit;
  }
  Eigen::Matrix2d information = -current.hessian;
  Eigen::LLT<Eigen::Matrix2d> llt(information);
  if (llt.info() != Eigen::Success || !(information.determinant() > 0)) {
    fit.converged = false;
    fit.problem = "the observed information is not positive definite at the maximum";
    return fit;
  }
  Eigen::Matrix2d covariance = information.inverse();
  fit.log_shape_se = std::sqrt(covariance(0, 0));
  fit.log_scale_se = std::sqrt(covariance(1, 1));
  fit.correlation = covariance(0, 1) / (fit.log_shape_se * fit.log_scale_se);
  return fit;
}

}  // namespace caseflow
