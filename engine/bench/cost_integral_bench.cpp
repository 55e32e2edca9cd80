// CostIntegral::add over a stay, with a tariff as the simulation calls it: the cost of one placement split at
// every calendar month it spans, integrated in closed form for the months where the stay starts and ends, and
// looked up for the whole months between. Called once per stay (and per allowance), so its cost grows with the
// months a stay spans, not with its days.

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/cost_integral.hpp"
#include "caseflow/sim/simulation.hpp"

namespace {

using namespace caseflow;

// A stay of `state.range(0)` days starting 100 days into Herefordshire's baseline (60 monthly cost periods,
// inflation, no discounting), in a children's home.
void BM_CostIntegralAdd(benchmark::State& state) {
  const Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json"));
  const CostIntegral integral(simulation.scenario(), simulation.layout());
  std::vector<double> costs(simulation.layout().cost_cells(), 0.0);
  // As the simulation does: the placement type's tariff (its whole-month costs) made once, used per stay.
  const CostIntegral::Tariff tariff = integral.tariff(3800.0, 0.05);
  const double from = 100.5, to = from + static_cast<double>(state.range(0));
  for (auto _ : state) {
    integral.add(costs, 0, tariff, from, to);
    benchmark::DoNotOptimize(costs.data());
  }
  state.SetItemsProcessed(state.iterations());  // stays per second
  state.counters["months"] = static_cast<double>(state.range(0)) / 30.44;
}

BENCHMARK(BM_CostIntegralAdd)->Arg(30)->Arg(365)->Arg(4 * 365);

}  // namespace
