#include "caseflow/scenario/parameter_uncertainty.hpp"

#include <cmath>

#include <boost/math/special_functions/erf.hpp>
#include <boost/math/special_functions/gamma.hpp>

#include "caseflow/base/random_stream.hpp"

namespace caseflow {

namespace {

enum : uint64_t { kTransitionGroup = 0, kArrivalGroup = 1 };

// Inversion, one uniform per draw, so a draw moves monotonically with its uniform.
double gamma_over_shape(double shape, double u) { return boost::math::gamma_p_inv(shape, u) / shape; }
double standard_normal(double u) { return -std::sqrt(2.0) * boost::math::erfc_inv(2.0 * u); }

}  // namespace

bool has_parameter_uncertainty(const Scenario& scenario) {
  for (const auto& transition : scenario.transitions)
    if (transition.time.uncertainty.given) return true;
  for (const auto& stream : scenario.arrivals)
    if (stream.uncertainty.given) return true;
  return false;
}

Scenario draw_parameters(const Scenario& scenario, uint64_t seed, uint64_t replication) {
  Scenario drawn = scenario;
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
  return drawn;
}

}  // namespace caseflow
