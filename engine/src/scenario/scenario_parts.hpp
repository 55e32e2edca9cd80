#pragma once
// The readers of each part of a scenario (private to engine/src/scenario). scenario_from_json calls them
// in the order below, which is also the order in which a scenario with several mistakes reports them:
// a part may only refer to what an earlier part defined (a transition to a state, an intervention to a
// pipeline stage). Each reads its part of `root` into `scenario`; every complaint names its JSON path.

#include "scenario_reading.hpp"

namespace caseflow::detail {

// population_json.cpp: states and exits, and how children enter, move and leave.
void read_states_and_exits(const JsonNode& root, Scenario& scenario, IdTable& ids);
void read_age_out(const JsonNode& root, Scenario& scenario, const IdTable& ids);
void read_transitions(const JsonNode& root, Scenario& scenario, const IdTable& ids, const PipelineIndex& pipelines);
void read_arrivals(const JsonNode& root, Scenario& scenario, const IdTable& ids);
void read_initial_population(const JsonNode& root, Scenario& scenario, const IdTable& ids, const PipelineIndex& pipelines);

// capacity_json.cpp: the resources children wait for, legal pipelines and foster placements.
PipelineIndex read_pipelines(const JsonNode& root, Scenario& scenario);
int resolve_pipeline(const PipelineIndex& pipelines, const JsonNode& node);
int resolve_stage(const Pipeline& pipeline, const JsonNode& node);
void read_foster_placements(const JsonNode& root, Scenario& scenario, const IdTable& ids);
// After the interventions: capacities and the interventions that add to them, added up, stay within the
// limits of the counts the simulation keeps (kMaxCohortCount, kMaxRecruitedPerYear).
void check_capacity_totals(const JsonNode& root, const Scenario& scenario);

// cost_json.cpp: what placements cost, and the settings of costing (inflation, discounting, allowances, budgets).
void read_placements(const JsonNode& root, Scenario& scenario, const IdTable& ids);
void read_costs(const JsonNode& root, Scenario& scenario, const IdTable& ids);

// intervention_json.cpp: the changes a strategy makes.
void read_interventions(const JsonNode& root, Scenario& scenario, const IdTable& ids, const PipelineIndex& pipelines);

// comparator_json.cpp: reference counts the forecast is compared with.
void read_comparators(const JsonNode& root, Scenario& scenario);

// stated_uncertainty_json.cpp: what the scenario says of its own uncertainty, and its history. Last, because
// a range is checked against its number and a drift group names transitions.
void read_ranges(const JsonNode& root, Scenario& scenario);
void read_placement_mix_uncertainty(const JsonNode& root, Scenario& scenario);
void read_drift(const JsonNode& root, Scenario& scenario, const IdTable& ids);
void read_history(const JsonNode& root, Scenario& scenario);

}  // namespace caseflow::detail
