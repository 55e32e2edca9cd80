#include "caseflow/scenario/time_distribution.hpp"

#include <cmath>

#include <gtest/gtest.h>

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
