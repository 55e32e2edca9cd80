// draw_time_after for each family of waiting times: the random draw made for every transition a child
// could take on entering a state. Drawn conditional on 100 days already spent (the general case: a child
// starting in a state, or a transition whose age range starts later), from a fixed set of uniforms.

#include <algorithm>
#include <random>
#include <vector>

#include <benchmark/benchmark.h>

#include "caseflow/scenario/time_distribution.hpp"

namespace {

using namespace caseflow;

TimeDistribution family(TimeDistribution::Kind kind) {
  TimeDistribution time;
  time.kind = kind;
  time.mean_days = 365;                  // exponential
  time.shape = 2;                        // weibull, gamma
  time.scale_days = 400;
  time.meanlog = 5.5;                    // lognormal
  time.sdlog = 0.5;
  time.days = 300;                       // fixed
  return time;
}

const std::vector<double>& uniforms() {
  static const std::vector<double> values = [] {
    std::mt19937_64 generator(7);
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    std::vector<double> drawn(4096);
    for (double& u : drawn) u = std::max(uniform(generator), 1e-12);
    return drawn;
  }();
  return values;
}

void BM_DrawTimeAfter(benchmark::State& state, TimeDistribution::Kind kind) {
  const TimeDistribution time = family(kind);
  const std::vector<double>& u = uniforms();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(draw_time_after(time, 100.0, u[i]));
    i = (i + 1) & (u.size() - 1);
  }
  state.SetItemsProcessed(state.iterations());  // draws per second
}

BENCHMARK_CAPTURE(BM_DrawTimeAfter, exponential, TimeDistribution::Kind::exponential);
BENCHMARK_CAPTURE(BM_DrawTimeAfter, weibull, TimeDistribution::Kind::weibull);
BENCHMARK_CAPTURE(BM_DrawTimeAfter, lognormal, TimeDistribution::Kind::lognormal);
BENCHMARK_CAPTURE(BM_DrawTimeAfter, gamma, TimeDistribution::Kind::gamma);
BENCHMARK_CAPTURE(BM_DrawTimeAfter, fixed, TimeDistribution::Kind::fixed);

}  // namespace
