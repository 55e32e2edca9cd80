#include "caseflow/sim/simulation.hpp"

#include "replication_run.hpp"

namespace caseflow {

Simulation::Simulation(Scenario scenario) : Simulation(scenario, level_paths(scenario)) {}

Simulation::Simulation(Scenario scenario, const DriftPaths& drift)
    : scenario_(std::move(scenario)),
      layout_(std::make_shared<const OutputLayout>(OutputLayout::for_scenario(scenario_))),
      cost_integral_(scenario_, *layout_),
      tables_(scenario_, *layout_, cost_integral_, drift) {}

Simulation::Simulation(const Simulation& like, Scenario drawn, const DriftPaths& drift)
    : scenario_(std::move(drawn)),
      layout_(like.layout_),
      cost_integral_(scenario_, *layout_),
      tables_(scenario_, *layout_, cost_integral_, drift) {}

void Simulation::run_replication(uint64_t seed, uint64_t replication, ReplicationRecord& record, ChildTrace* trace) const {
  if (trace) *trace = ChildTrace{};
  run_one_replication(*this, seed, replication, record, trace);
}

}  // namespace caseflow
