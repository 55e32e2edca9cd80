// One replication of each shipped baseline scenario, all recording included: events per second (items per
// second), the figure of issue 7's "events per second per core" on one thread.

#include <string>

#include <benchmark/benchmark.h>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/simulation.hpp"
#include "replication_timing.hpp"

namespace {

using namespace caseflow;

void BM_Replication(benchmark::State& state, const std::string& scenario_file) {
  const Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/" + scenario_file));
  const int64_t events = bench::time_replications(state, simulation);
  state.counters["events"] = benchmark::Counter(static_cast<double>(events), benchmark::Counter::kAvgIterations);
}

BENCHMARK_CAPTURE(BM_Replication, example_small, std::string("example-small.json"))->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Replication, herefordshire_2020, std::string("herefordshire-2020.json"))
    ->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Replication, england_2024, std::string("england-2024.json"))->Unit(benchmark::kMillisecond);

}  // namespace
