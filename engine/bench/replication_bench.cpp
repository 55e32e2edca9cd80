// One replication of each shipped baseline scenario, all recording included: events per second (items per
// second), the figure of issue 7's "events per second per core" on one thread.

#include <string>

#include <benchmark/benchmark.h>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/simulation.hpp"

namespace {

using namespace caseflow;

void BM_Replication(benchmark::State& state, const std::string& scenario_file) {
  const Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/" + scenario_file));
  ReplicationRecord record;  // reused, as each worker thread of run_replications reuses its own
  uint64_t replication = 0;
  int64_t events = 0;
  for (auto _ : state) {
    // A different replication each time, as in a run, so the benchmark does not time one lucky path.
    simulation.run_replication(1, replication++, record);
    events += static_cast<int64_t>(record.events);
    benchmark::DoNotOptimize(record.stocks.data());
  }
  state.SetItemsProcessed(events);  // reported as items_per_second: events per second
  state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
}

BENCHMARK_CAPTURE(BM_Replication, example_small, std::string("example-small.json"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Replication, herefordshire_2020, std::string("herefordshire-2020.json"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Replication, england_2024, std::string("england-2024.json"))->Unit(benchmark::kMillisecond);

}  // namespace
