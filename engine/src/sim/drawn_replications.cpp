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

namespace {

// The scenario as a simulation reads it: notes and labels (kilobytes of text in a documented scenario) are
// dropped, so that copying it for every replication's draw costs little.
Scenario numbers_only(Scenario scenario) {
  scenario.note.clear();
  for (auto& state : scenario.states) state.note.clear(), state.label.clear();
  for (auto& exit : scenario.exits) exit.note.clear(), exit.label.clear();
  for (auto& transition : scenario.transitions) transition.note.clear(), transition.time.note.clear();
  scenario.age_out.note.clear();
  for (auto& stream : scenario.arrivals) stream.note.clear(), stream.ages.note.clear();
  for (auto& cohort : scenario.initial_population) cohort.note.clear(), cohort.ages.note.clear(), cohort.days_in_state.note.clear();
  for (auto& pipeline : scenario.pipelines) {
    pipeline.note.clear();
    pipeline.label.clear();
    for (auto& stage : pipeline.stages) stage.note.clear(), stage.label.clear(), stage.service_time.note.clear();
  }
  scenario.foster_placements.note.clear();
  for (auto& intervention : scenario.interventions) intervention.note.clear(), intervention.label.clear();
  for (auto& comparator : scenario.comparators) comparator.note.clear(), comparator.label.clear();
  for (auto& type : scenario.placement_types) type.note.clear(), type.label.clear();
  for (auto& mix : scenario.placement_mix) mix.note.clear();
  scenario.costs.note.clear();
  for (auto& allowance : scenario.costs.allowances) allowance.note.clear(), allowance.label.clear();
  for (auto& budget : scenario.costs.budgets) budget.note.clear();
  for (auto& [path, range] : scenario.ranges) range.note.clear();
  scenario.placement_mix_uncertainty_note.clear();
  scenario.drift.note.clear();
  scenario.drift.arrivals_note.clear();
  for (auto& group : scenario.drift.transitions) group.note.clear();
  for (auto& point : scenario.history) point.note.clear();
  return scenario;
}

}  // namespace

DrawnReplications::DrawnReplications(const Simulation& simulation, Uncertainty uncertainty) : simulation_(simulation) {
  const Scenario& scenario = simulation.scenario();
  const HeldUncertainty held = held_uncertainty(scenario, uncertainty);
  if (held.parameters) sampler_.emplace(scenario);
  drift_ = held.drift;
  if (draws()) numbers_ = numbers_only(scenario);
}

void DrawnReplications::run(uint64_t seed, uint64_t replication, ReplicationRecord& record, ChildTrace* trace) const {
  if (!draws()) {
    simulation_.run_replication(seed, replication, record, trace);
    return;
  }
  Scenario drawn = sampler_ ? sampler_->draw(numbers_, seed, replication) : numbers_;
  // Drift after the parameters: a drift's level and volatility can themselves carry ranges.
  DriftPaths paths = drift_ ? draw_drift(drawn, seed, replication) : level_paths(drawn);
  Simulation(simulation_, std::move(drawn), paths).run_replication(seed, replication, record, trace);
}

}  // namespace caseflow
