#include "caseflow/scenario/parameter_uncertainty.hpp"

#include <algorithm>
#include <cmath>

#include <boost/math/special_functions/beta.hpp>
#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "caseflow/base/random_stream.hpp"

namespace caseflow {

namespace {

enum : uint64_t { kTransitionGroup = 0, kArrivalGroup = 1, kRangeGroup = 2, kMixGroup = 3 };

// Boost's special functions in double precision: by default they compute in long double (x87 on this
// platform), several times slower, for digits a drawn parameter does not need.
using DoublePrecision = boost::math::policies::policy<boost::math::policies::promote_double<false>>;

// The 95th percentile of the standard normal: a 90% range is 2 x 1.645 standard deviations wide.
constexpr double kZ95 = 1.6448536269514722;

// Inversion, one uniform per draw, so a draw moves monotonically with its uniform.
// Gamma(a) overflows a double above a = 171, so larger shapes (many events) keep Boost's long double.
double gamma_p_inv(double shape, double u) {
  return shape <= 150 ? boost::math::gamma_p_inv(shape, u, DoublePrecision()) : boost::math::gamma_p_inv(shape, u);
}
double gamma_over_shape(double shape, double u) { return gamma_p_inv(shape, u) / shape; }
double standard_normal(double u) { return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u); }

// Bisection for the x in [low, high] at which an increasing `f` reaches `target`.
template <class F>
double solve_increasing(F&& f, double target, double low, double high) {
  for (int i = 0; i < 200 && high - low > 1e-12 * std::max(1.0, std::fabs(low)); ++i) {
    double middle = 0.5 * (low + high);
    (f(middle) < target ? low : high) = middle;
  }
  return 0.5 * (low + high);
}

bool has_calibrated_uncertainty(const Scenario& scenario) {
  for (const auto& transition : scenario.transitions)
    if (transition.time.uncertainty.given) return true;
  for (const auto& stream : scenario.arrivals)
    if (stream.uncertainty.given) return true;
  return false;
}

void draw_calibrated(Scenario& drawn, uint64_t seed, uint64_t replication) {
  for (size_t i = 0; i < drawn.transitions.size(); ++i) {
    TimeDistribution& time = drawn.transitions[i].time;
    const ParameterUncertainty& uncertainty = time.uncertainty;
    if (!uncertainty.given) continue;
    RandomStream random(RandomStream::key_for(seed, replication, StreamKind::parameter_draw, kTransitionGroup, i));
    if (time.kind == TimeDistribution::Kind::exponential) {
      // The rate is multiplied by G / events, so the mean time is divided by it.
      time.mean_days /= gamma_over_shape(uncertainty.events, random.uniform());
    } else if (time.kind == TimeDistribution::Kind::weibull) {
      double z1 = standard_normal(random.uniform());
      double z2 = standard_normal(random.uniform());
      double r = uncertainty.correlation;
      time.shape *= std::exp(uncertainty.log_shape_se * z1);
      time.scale_days *= std::exp(uncertainty.log_scale_se * (r * z1 + std::sqrt(std::max(0.0, 1 - r * r)) * z2));
    }
  }
  for (size_t j = 0; j < drawn.arrivals.size(); ++j) {
    ArrivalStream& stream = drawn.arrivals[j];
    if (!stream.uncertainty.given) continue;
    RandomStream random(RandomStream::key_for(seed, replication, StreamKind::parameter_draw, kArrivalGroup, j));
    stream.per_year *= gamma_over_shape(stream.uncertainty.events, random.uniform());
  }
}

// Each state's mix drawn from Dirichlet(concentration x shares): Gamma draws normalised. Types with a share
// of 0 stay at 0.
void draw_mixes(Scenario& drawn, double concentration, uint64_t seed, uint64_t replication) {
  for (size_t state = 0; state < drawn.placement_mix.size(); ++state) {
    PlacementMix& mix = drawn.placement_mix[state];
    RandomStream random(RandomStream::key_for(seed, replication, StreamKind::parameter_draw, kMixGroup,
                                              stream_index_of("/placement_mix/" + drawn.states[state].id)));
    double total = 0;
    for (double& share : mix.shares) {
      double u = random.uniform();  // taken for every type, so the draws of one type do not move another's
      share = share > 0 ? gamma_p_inv(concentration * share, u) : 0.0;
      total += share;
    }
    if (total > 0)
      for (double& share : mix.shares) share /= total;
  }
}

}  // namespace

bool has_parameter_uncertainty(const Scenario& scenario) {
  return has_calibrated_uncertainty(scenario) || !scenario.ranges.empty() || scenario.placement_mix_concentration > 0;
}

BetaShape beta_with_percentiles(double p05, double p95) {
  // For a given concentration c = alpha + beta, the 5th percentile rises with the mean m: find the m that
  // puts it at p05. Then, with the 5th percentile held there, the 95th falls as c grows: find the c that
  // puts it at p95. Both by bisection, c on the log scale.
  auto mean_for = [&](double c) {
    return solve_increasing([&](double m) { return boost::math::ibeta_inv(m * c, (1 - m) * c, 0.05); }, p05, 1e-9,
                            1 - 1e-9);
  };
  auto minus_p95 = [&](double log_c) {
    double c = std::exp(log_c);
    double m = mean_for(c);
    return -boost::math::ibeta_inv(m * c, (1 - m) * c, 0.95);
  };
  double log_c = solve_increasing(minus_p95, -p95, std::log(1e-2), std::log(1e7));
  double c = std::exp(log_c);
  double m = mean_for(c);
  return {m * c, (1 - m) * c};
}

ParameterSampler::ParameterSampler(const Scenario& scenario)
    : calibrated_(has_calibrated_uncertainty(scenario)), concentration_(scenario.placement_mix_concentration) {
  for (const auto& [path, range] : scenario.ranges) {
    const RangeRule* rule = range_rule(path);
    if (!rule || !(range.high > range.low)) continue;  // a range of one value leaves the number as it is
    RangedNumber number{path, *rule, 0, 0, stream_index_of(path)};
    switch (rule->law) {
      case RangeLaw::log_normal:
        number.first = 0.5 * (std::log(range.low) + std::log(range.high));
        number.second = (std::log(range.high) - std::log(range.low)) / (2 * kZ95);
        break;
      case RangeLaw::normal:
        number.first = 0.5 * (range.low + range.high);
        number.second = (range.high - range.low) / (2 * kZ95);
        break;
      case RangeLaw::beta: {
        BetaShape shape = beta_with_percentiles(range.low, range.high);
        number.first = shape.alpha;
        number.second = shape.beta;
        break;
      }
    }
    ranged_.push_back(std::move(number));
  }
}

Scenario ParameterSampler::draw(const Scenario& scenario, uint64_t seed, uint64_t replication) const {
  Scenario drawn = scenario;
  if (calibrated_) draw_calibrated(drawn, seed, replication);
  for (const RangedNumber& number : ranged_) {
    RandomStream random(RandomStream::key_for(seed, replication, StreamKind::parameter_draw, kRangeGroup, number.stream_index));
    double u = random.uniform();
    double value = 0;
    switch (number.rule.law) {
      case RangeLaw::log_normal: value = std::exp(number.first + number.second * standard_normal(u)); break;
      case RangeLaw::normal: value = std::max(number.rule.minimum, number.first + number.second * standard_normal(u)); break;
      case RangeLaw::beta: value = boost::math::ibeta_inv(number.first, number.second, u, DoublePrecision()); break;
    }
    set_number_at(drawn, number.path, value);
  }
  if (concentration_ > 0) draw_mixes(drawn, concentration_, seed, replication);
  return drawn;
}

Scenario draw_parameters(const Scenario& scenario, uint64_t seed, uint64_t replication) {
  return ParameterSampler(scenario).draw(scenario, seed, replication);
}

}  // namespace caseflow
