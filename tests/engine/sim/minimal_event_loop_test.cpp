// The yardstick of caseflow's speed (engine/bench/minimal_event_loop.hpp) must simulate the same model as
// caseflow, or the ratio of their times means nothing: their mean counts in each state agree within the
// sampling error of the replications run, and so do their numbers of events.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "caseflow/scenario/scenario_json.hpp"
#include "caseflow/sim/simulation.hpp"
#include "minimal_event_loop.hpp"

namespace caseflow {
namespace {

const std::string kModel = std::string(CASEFLOW_SOURCE_DIR) + "/engine/bench/data/four-state-exponential.json";

struct Moments {
  double sum = 0, sum_of_squares = 0;
  int n = 0;
  void add(double x) { sum += x, sum_of_squares += x * x, ++n; }
  double mean() const { return sum / n; }
  double variance_of_mean() const { return (sum_of_squares / n - mean() * mean()) / (n - 1); }
};

TEST(MinimalEventLoop, SimulatesTheModelCaseflowSimulates) {
  const Scenario scenario = load_scenario(kModel);
  const Simulation simulation(scenario);
  const bench::MinimalModel model = bench::minimal_model_of(scenario);
  bench::MinimalEventLoop loop(model);
  const OutputLayout& layout = simulation.layout();
  const size_t states = scenario.states.size();
  const std::vector<size_t> snapshots{12, 36, 60};
  const int replications = 80;

  std::vector<Moments> caseflow_counts(snapshots.size() * states), loop_counts(snapshots.size() * states);
  Moments caseflow_events, loop_events;
  ReplicationRecord record;
  std::vector<uint32_t> stocks;
  for (int r = 0; r < replications; ++r) {
    simulation.run_replication(7, static_cast<uint64_t>(r), record);
    caseflow_events.add(static_cast<double>(record.events));
    loop_events.add(static_cast<double>(loop.run(7, static_cast<uint64_t>(r), stocks)));
    for (size_t k = 0; k < snapshots.size(); ++k)
      for (size_t s = 0; s < states; ++s) {
        caseflow_counts[k * states + s].add(record.stocks[layout.stock_cell(snapshots[k], s)]);
        loop_counts[k * states + s].add(stocks[snapshots[k] * states + s]);
      }
  }
  // Four standard errors of the difference: twelve comparisons all pass by chance with probability > 0.999.
  auto agree = [](const Moments& a, const Moments& b) {
    return std::abs(a.mean() - b.mean()) < 4 * std::sqrt(a.variance_of_mean() + b.variance_of_mean());
  };
  for (size_t k = 0; k < snapshots.size(); ++k)
    for (size_t s = 0; s < states; ++s)
      EXPECT_TRUE(agree(caseflow_counts[k * states + s], loop_counts[k * states + s]))
          << scenario.states[s].id << " at month " << snapshots[k] << ": caseflow "
          << caseflow_counts[k * states + s].mean() << ", minimal loop " << loop_counts[k * states + s].mean();
  EXPECT_TRUE(agree(caseflow_events, loop_events))
      << "events: caseflow " << caseflow_events.mean() << ", minimal loop " << loop_events.mean();
  // Not a vacuous agreement: the model moves thousands of children a replication.
  EXPECT_GT(loop_events.mean(), 5000);
}

TEST(MinimalEventLoop, RefusesAModelItCannotRun) {
  EXPECT_THROW(bench::minimal_model_of(load_scenario(std::string(CASEFLOW_SOURCE_DIR) + "/scenarios/herefordshire-2020.json")),
               std::invalid_argument);
}

}  // namespace
}  // namespace caseflow
