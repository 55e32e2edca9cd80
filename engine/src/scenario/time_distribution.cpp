#include "caseflow/scenario/time_distribution.hpp"

#include <cmath>
#include <limits>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

namespace caseflow {

namespace {
constexpr double kSqrt2 = 1.41421356237309504880;
using Kind = TimeDistribution::Kind;
// Gamma functions in double precision where it is safe: Boost by default computes them in long double (x87
// on this platform), several times slower, for digits that a waiting time in days does not need. Above a
// shape of 150 the double computation overflows (Gamma(172) is beyond a double), so large shapes keep long
// double, up to the scenario format's cap of 1000.
using DoublePrecision = boost::math::policies::policy<boost::math::policies::promote_double<false>>;
constexpr double kLargestDoubleShape = 150;

double gamma_q(double shape, double x) {
  return shape <= kLargestDoubleShape ? boost::math::gamma_q(shape, x, DoublePrecision()) : boost::math::gamma_q(shape, x);
}
double gamma_q_inv(double shape, double q) {
  return shape <= kLargestDoubleShape ? boost::math::gamma_q_inv(shape, q, DoublePrecision()) : boost::math::gamma_q_inv(shape, q);
}
}  // namespace

double survival(const TimeDistribution& time, double t) {
  if (t <= 0) return 1.0;
  switch (time.kind) {
    case Kind::exponential: return std::exp(-t / time.mean_days);
    case Kind::weibull: return std::exp(-std::pow(t / time.scale_days, time.shape));
    case Kind::lognormal: return 0.5 * std::erfc((std::log(t) - time.meanlog) / (time.sdlog * kSqrt2));
    case Kind::gamma: return gamma_q(time.shape, t / time.scale_days);
    case Kind::fixed: return t < time.days ? 1.0 : 0.0;
    case Kind::uniform:
      if (t < time.min_days) return 1.0;
      if (t >= time.max_days) return 0.0;
      return (time.max_days - t) / (time.max_days - time.min_days);
  }
  return 0.0;
}

double draw_time_after(const TimeDistribution& time, double elapsed, double u) {
  if (elapsed < 0) elapsed = 0;
  switch (time.kind) {
    case Kind::exponential:
      // Memoryless: the residual time does not depend on the time already spent.
      return elapsed - time.mean_days * std::log(u);
    case Kind::weibull: {
      // S(t) = exp(-(t/scale)^shape), so S(T) = u S(c) gives (T/scale)^shape = (c/scale)^shape - log u.
      double cumulative_hazard = std::pow(elapsed / time.scale_days, time.shape) - std::log(u);
      return time.scale_days * std::pow(cumulative_hazard, 1.0 / time.shape);
    }
    case Kind::lognormal: {
      double target = u * survival(time, elapsed);
      if (!(target > 0)) return elapsed;
      return std::exp(time.meanlog + time.sdlog * kSqrt2 * boost::math::erfc_inv(2.0 * target));
    }
    case Kind::gamma: {
      double target = u * survival(time, elapsed);
      if (!(target > std::numeric_limits<double>::min())) return elapsed;
      return std::max(elapsed, time.scale_days * gamma_q_inv(time.shape, target));
    }
    case Kind::fixed: return std::max(elapsed, time.days);
    case Kind::uniform: {
      double low = std::max(elapsed, time.min_days);
      if (low >= time.max_days) return elapsed;
      return time.max_days - u * (time.max_days - low);
    }
  }
  return elapsed;
}

double cumulative_hazard(const TimeDistribution& time, double t) {
  if (t <= 0) return 0.0;
  switch (time.kind) {
    case Kind::exponential: return t / time.mean_days;
    case Kind::weibull: return std::pow(t / time.scale_days, time.shape);
    default: {
      double s = survival(time, t);
      return s > 0 ? -std::log(s) : std::numeric_limits<double>::infinity();
    }
  }
}

double time_at_cumulative_hazard(const TimeDistribution& time, double h) {
  if (h <= 0) return 0.0;
  switch (time.kind) {
    case Kind::exponential: return h * time.mean_days;
    case Kind::weibull: return time.scale_days * std::pow(h, 1.0 / time.shape);
    default: {
      double u = std::exp(-h);
      return u > 0 ? draw_time_after(time, 0.0, u) : std::numeric_limits<double>::infinity();
    }
  }
}

double draw_time(const TimeDistribution& time, double u) { return draw_time_after(time, 0.0, u); }

double mean_time(const TimeDistribution& time) {
  switch (time.kind) {
    case Kind::exponential: return time.mean_days;
    case Kind::weibull: return time.scale_days * std::tgamma(1.0 + 1.0 / time.shape);
    case Kind::lognormal: return std::exp(time.meanlog + 0.5 * time.sdlog * time.sdlog);
    case Kind::gamma: return time.shape * time.scale_days;
    case Kind::fixed: return time.days;
    case Kind::uniform: return 0.5 * (time.min_days + time.max_days);
  }
  return 0.0;
}

}  // namespace caseflow
