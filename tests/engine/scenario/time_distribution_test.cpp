#include "caseflow/scenario/time_distribution.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <gtest/gtest.h>

#include "caseflow/base/random_stream.hpp"

using namespace caseflow;

namespace {
TimeDistribution make(TimeDistribution::Kind kind, double a, double b = 0) {
  TimeDistribution time;
  time.kind = kind;
  switch (kind) {
    case TimeDistribution::Kind::exponential: time.mean_days = a; break;
    case TimeDistribution::Kind::weibull:
    case TimeDistribution::Kind::gamma: time.shape = a; time.scale_days = b; break;
    case TimeDistribution::Kind::lognormal: time.meanlog = a; time.sdlog = b; break;
    case TimeDistribution::Kind::fixed: time.days = a; break;
    case TimeDistribution::Kind::uniform: time.min_days = a; time.max_days = b; break;
  }
  return time;
}
}  // namespace

// Inversion: the draw from u, given T > c, is the t with S(t) = u S(c). Checked for every distribution,
// several elapsed times and uniforms.
TEST(TimeDistribution, ConditionalDrawsInvertTheSurvivalFunction) {
  std::vector<TimeDistribution> all = {
      make(TimeDistribution::Kind::exponential, 180), make(TimeDistribution::Kind::weibull, 1.5, 240),
      make(TimeDistribution::Kind::weibull, 0.7, 100), make(TimeDistribution::Kind::lognormal, 5.5, 0.6),
      make(TimeDistribution::Kind::gamma, 3.0, 80),    make(TimeDistribution::Kind::gamma, 0.5, 300)};
  for (const auto& time : all)
    for (double elapsed : {0.0, 30.0, 400.0})
      for (double u : {1e-9, 0.01, 0.3, 0.5, 0.9, 0.999999}) {
        double t = draw_time_after(time, elapsed, u);
        EXPECT_GE(t, elapsed);
        EXPECT_NEAR(survival(time, t) / survival(time, elapsed), u, 1e-9 * std::max(1.0, u) + 1e-12)
            << static_cast<int>(time.kind) << " elapsed " << elapsed << " u " << u;
      }
}

TEST(TimeDistribution, SmallerUniformsGiveLongerTimes) {
  // Monotone in u, which keeps common random numbers meaningful when a parameter changes.
  auto time = make(TimeDistribution::Kind::lognormal, 5, 1);
  EXPECT_GT(draw_time(time, 0.1), draw_time(time, 0.2));
  auto slower = make(TimeDistribution::Kind::exponential, 200), faster = make(TimeDistribution::Kind::exponential, 100);
  EXPECT_DOUBLE_EQ(draw_time(slower, 0.3), 2 * draw_time(faster, 0.3));
}

TEST(TimeDistribution, FixedAndUniformTimes) {
  auto fixed = make(TimeDistribution::Kind::fixed, 10);
  EXPECT_EQ(draw_time_after(fixed, 3, 0.5), 10);
  EXPECT_EQ(draw_time_after(fixed, 12, 0.5), 12);  // already past: due at once
  auto uniform = make(TimeDistribution::Kind::uniform, 20, 40);
  EXPECT_DOUBLE_EQ(draw_time(uniform, 0.25), 35);
  EXPECT_DOUBLE_EQ(mean_time(uniform), 30);
}

TEST(TimeDistribution, MeansInClosedForm) {
  EXPECT_DOUBLE_EQ(mean_time(make(TimeDistribution::Kind::weibull, 1, 50)), 50);
  EXPECT_DOUBLE_EQ(mean_time(make(TimeDistribution::Kind::gamma, 3, 80)), 240);
  EXPECT_NEAR(mean_time(make(TimeDistribution::Kind::weibull, 2, 100)), 100 * std::sqrt(M_PI) / 2, 1e-9);
}

// Service times: the gamma law by Marsaglia and Tsang. A Kolmogorov-Smirnov distance over n = 20,000 draws
// beyond 1.95 / sqrt(n) happens by chance with probability 0.001; the draws come from a fixed sequence of
// uniforms, so the test is repeatable. Shapes below 1 (the boost), near 1, and of the courts' ranges.
TEST(TimeDistribution, GammaServiceTimesFollowTheGammaLaw) {
  constexpr int n = 20000;
  for (double shape : {0.4, 1.0, 1.9, 3.0, 4.7, 30.0}) {
    auto time = make(TimeDistribution::Kind::gamma, shape, 35);
    RandomStream stream(RandomStream::key_for(7, 0, StreamKind::initial_child, 0, static_cast<uint64_t>(shape * 10)));
    std::vector<double> draws(n);
    double total = 0;
    for (double& draw : draws) total += (draw = draw_service_time(time, stream.uniform()));
    std::sort(draws.begin(), draws.end());
    double distance = 0;
    for (int i = 0; i < n; ++i) {
      double cdf = 1.0 - survival(time, draws[static_cast<size_t>(i)]);
      distance = std::max({distance, cdf - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - cdf});
    }
    EXPECT_LT(distance, 1.95 / std::sqrt(n)) << "shape " << shape;
    // The mean within 4.5 standard errors (the variance is shape * scale^2).
    EXPECT_NEAR(total / n, mean_time(time), 4.5 * std::sqrt(shape) * 35 / std::sqrt(n)) << "shape " << shape;
  }
}

// One uniform of the caller's stream per draw, as inversion takes: the same u gives the same time, a change of
// scale scales it, and every other family is drawn by inversion exactly as draw_time draws it.
TEST(TimeDistribution, ServiceTimesAreAFunctionOfOneUniform) {
  auto court = make(TimeDistribution::Kind::gamma, 3.0, 35), slower = make(TimeDistribution::Kind::gamma, 3.0, 70);
  for (double u : {1e-9, 0.2, 0.5, 0.999999}) {
    EXPECT_EQ(draw_service_time(court, u), draw_service_time(court, u));
    EXPECT_DOUBLE_EQ(draw_service_time(slower, u), 2 * draw_service_time(court, u));
    EXPECT_GT(draw_service_time(court, u), 0);
  }
  EXPECT_NE(draw_service_time(court, 0.2), draw_service_time(court, 0.2 + 1e-12));
  for (const auto& other : {make(TimeDistribution::Kind::exponential, 30), make(TimeDistribution::Kind::weibull, 1.5, 40),
                            make(TimeDistribution::Kind::lognormal, 3, 0.5), make(TimeDistribution::Kind::uniform, 10, 20)})
    for (double u : {0.1, 0.7}) EXPECT_EQ(draw_service_time(other, u), draw_time(other, u));
}
