// caseflow against a minimal event loop of the same model (minimal_event_loop.hpp), one replication per
// iteration, in one run: items per second are events per second, and the ratio of the two times is what
// caseflow's generality costs on a model that needs none of it (issue 19's first target: within 1.5x).

#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/simulation.hpp"
#include "minimal_event_loop.hpp"
#include "replication_timing.hpp"

namespace {

using namespace caseflow;

const std::string kModel = std::string(CASEFLOW_SOURCE_DIR) + "/engine/bench/data/four-state-exponential.json";

void BM_FourStates_Caseflow(benchmark::State& state) {
  bench::time_replications(state, Simulation(load_scenario(kModel)));
}

void BM_FourStates_MinimalLoop(benchmark::State& state) {
  const bench::MinimalModel model = bench::minimal_model_of(load_scenario(kModel));
  bench::MinimalEventLoop loop(model);
  std::vector<uint32_t> stocks;
  uint64_t replication = 0;
  int64_t events = 0;
  for (auto _ : state) {
    events += static_cast<int64_t>(loop.run(1, replication++, stocks));
    benchmark::DoNotOptimize(stocks.data());
  }
  state.SetItemsProcessed(events);
}

BENCHMARK(BM_FourStates_Caseflow)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FourStates_MinimalLoop)->Unit(benchmark::kMillisecond);

}  // namespace
