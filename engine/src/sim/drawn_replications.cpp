#include "caseflow/sim/drawn_replications.hpp"

#include "caseflow/scenario/drift.hpp"

namespace caseflow {

const char* uncertainty_name(Uncertainty uncertainty) {
  switch (uncertainty) {
    case Uncertainty::chance: return "chance";
    case Uncertainty::parameters: return "parameters";
    case Uncertainty::all: return "all";
  }
  return "all";
}

DrawnReplications::DrawnReplications(const Simulation& simulation, Uncertainty uncertainty) : simulation_(simulation) {
  const Scenario& scenario = simulation.scenario();
  if (uncertainty != Uncertainty::chance && has_parameter_uncertainty(scenario)) sampler_.emplace(scenario);
  drift_ = uncertainty == Uncertainty::all && has_drift(scenario);
}

void DrawnReplications::run(uint64_t seed, uint64_t replication, ReplicationRecord& record, ChildTrace* trace) const {
  if (!draws()) {
    simulation_.run_replication(seed, replication, record, trace);
    return;
  }
  Scenario drawn = sampler_ ? sampler_->draw(simulation_.scenario(), seed, replication) : simulation_.scenario();
  // Drift after the parameters: a drift's level and volatility can themselves carry ranges.
  DriftPaths paths = drift_ ? draw_drift(drawn, seed, replication) : level_paths(drawn);
  Simulation(std::move(drawn), paths).run_replication(seed, replication, record, trace);
}

}  // namespace caseflow
