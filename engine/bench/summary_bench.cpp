// The summary of a results matrix (summarize_cells: a mean and quantiles of every column): what a run does
// once after its replications, for stocks and for flows. On Herefordshire's real results, whose many
// repeated counts make the sorting behave as in a run.

#include <string>

#include <benchmark/benchmark.h>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/runner.hpp"
#include "caseflow/stats/summary.hpp"

namespace {

using namespace caseflow;

const RunResults& herefordshire_results() {
  static const RunResults results = [] {
    const Simulation simulation(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json"));
    RunOptions options;
    options.replications = 1000;
    return run_replications(simulation, options);
  }();
  return results;
}

void summarize(benchmark::State& state, const CountMatrix& matrix, const std::vector<double>& probabilities) {
  for (auto _ : state) {
    CellSummary summary = summarize_cells(matrix, probabilities);
    benchmark::DoNotOptimize(summary.mean.data());
  }
  state.SetItemsProcessed(state.iterations() * matrix.size());  // counts summarised per second
  state.counters["replications"] = static_cast<double>(matrix.rows());
  state.counters["cells"] = static_cast<double>(matrix.cols());
}

void BM_SummarizeStocks(benchmark::State& state) { summarize(state, herefordshire_results().stocks, kStockQuantiles); }
void BM_SummarizeFlows(benchmark::State& state) { summarize(state, herefordshire_results().flows, kFlowQuantiles); }

BENCHMARK(BM_SummarizeStocks)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SummarizeFlows)->Unit(benchmark::kMillisecond);

}  // namespace
