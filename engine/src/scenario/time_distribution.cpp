#include "caseflow/scenario/time_distribution.hpp"

#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "caseflow/base/random_stream.hpp"

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

namespace {

// A standard gamma variable of shape `shape` > 0 from `random`: Marsaglia and Tsang, "A simple method for
// generating gamma variables", ACM Transactions on Mathematical Software 26(3), 2000, section 4 (with their
// boost for shapes below 1, G(a) = G(a + 1) U^(1/a)); normals by Box and Muller.
double standard_gamma(double shape, RandomStream& random) {
  const double boosted = shape < 1 ? shape + 1 : shape;
  const double d = boosted - 1.0 / 3.0, c = 1.0 / std::sqrt(9.0 * d);
  double value;
  for (;;) {
    double normal = std::sqrt(-2.0 * std::log(random.uniform())) * std::cos(2.0 * std::numbers::pi * random.uniform());
    double v = 1.0 + c * normal;
    if (v <= 0) continue;
    v = v * v * v;
    double u = random.uniform(), square = normal * normal;
    if (u < 1.0 - 0.0331 * square * square || std::log(u) < 0.5 * square + d * (1.0 - v + std::log(v))) {
      value = d * v;
      break;
    }
  }
  if (shape < 1) value *= std::pow(random.uniform(), 1.0 / shape);
  return value;
}

}  // namespace

double draw_service_time(const TimeDistribution& time, double u) {
  if (time.kind != Kind::gamma) return draw_time(time, u);
  // The generator's key is u's bits: the caller's stream advances by one draw, as for inversion.
  RandomStream random(mix64(std::bit_cast<uint64_t>(u)));
  return time.scale_days * standard_gamma(time.shape, random);
}

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
