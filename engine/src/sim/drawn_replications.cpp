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

bool uncertainty_from_name(const std::string& name, Uncertainty& uncertainty) {
  for (Uncertainty candidate : {Uncertainty::chance, Uncertainty::parameters, Uncertainty::all})
    if (name == uncertainty_name(candidate)) {
      uncertainty = candidate;
      return true;
    }
  return false;
}

HeldUncertainty held_uncertainty(const Scenario& scenario, Uncertainty asked) {
  return {asked != Uncertainty::chance && has_parameter_uncertainty(scenario), asked == Uncertainty::all && has_drift(scenario)};
}

DrawnReplications::DrawnReplications(const Simulation& simulation, Uncertainty uncertainty) : simulation_(simulation) {
  const Scenario& scenario = simulation.scenario();
  const HeldUncertainty held = held_uncertainty(scenario, uncertainty);
  if (held.parameters) sampler_.emplace(scenario);
  drift_ = held.drift;
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
