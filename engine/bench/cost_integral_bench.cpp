// CostIntegral::add over a multi-year stay: the cost of one placement, integrated in closed form and split
// at every calendar month it spans. Called once per stay (and per allowance), so its cost grows with the
// months a stay spans, not with its days.

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "caseflow/cost_integral.hpp"
#include "caseflow/scenario_json.hpp"
#include "caseflow/simulation.hpp"

namespace {

using namespace caseflow;

// A stay of `state.range(0)` days starting 100 days into Herefordshire's baseline (60 monthly cost periods,
// inflation, no discounting), in a children's home.
void BM_CostIntegralAdd(benchmark::State& state) {
  const Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json"));
  const CostIntegral integral(simulation.scenario(), simulation.layout());
  std::vector<double> costs(simulation.layout().cost_cells(), 0.0);
  const double from = 100.0, to = from + static_cast<double>(state.range(0));
  for (auto _ : state) {
    integral.add(costs, 0, 3800.0, 0.05, from, to);
    benchmark::DoNotOptimize(costs.data());
  }
  state.SetItemsProcessed(state.iterations());  // stays per second
  state.counters["months"] = static_cast<double>(state.range(0)) / 30.44;
}

BENCHMARK(BM_CostIntegralAdd)->Arg(30)->Arg(365)->Arg(4 * 365);

}  // namespace
