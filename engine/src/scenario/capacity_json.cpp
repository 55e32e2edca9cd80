// Reading the resources children wait for from scenario JSON: legal pipelines (stages of a court or
// placement process, each with a monthly capacity and a service time) and the pool of foster placements.
// Transitions, cohorts and interventions refer to them by id, resolved here.

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "scenario_parts.hpp"

namespace caseflow::detail {

namespace {

std::string recruitment_limit_message(const nlohmann::json& value) {
  return "must be at most 100000 a year, got " + describe(value) +
         " (with every add_capacity on the foster placements; England as a whole has some 40,000 fostering households)";
}

std::vector<Pipeline> parse_pipelines(const JsonNode& list, PipelineIndex& index) {
  list.expect_array();
  std::vector<Pipeline> pipelines;
  for (size_t i = 0; i < list.size(); ++i) {
    JsonNode node = list[i];
    node.expect_object({"id", "label", "stages"});
    Pipeline pipeline{node["id"].as_id(), node.has("label") ? node["label"].as_string() : "", {}, node.note()};
    if (!index.emplace(pipeline.id, static_cast<int>(i)).second)
      node["id"].fail("duplicate pipeline id \"" + pipeline.id + "\"");
    JsonNode stages = node["stages"];
    stages.expect_array();
    if (stages.size() == 0) stages.fail("must list at least one stage");
    for (size_t s = 0; s < stages.size(); ++s) {
      JsonNode stage_node = stages[s];
      stage_node.expect_object({"id", "label", "capacity_per_month", "service_time"});
      PipelineStage stage;
      stage.id = stage_node["id"].as_id();
      for (const auto& other : pipeline.stages)
        if (other.id == stage.id) stage_node["id"].fail("duplicate stage id \"" + stage.id + "\"");
      stage.label = stage_node.has("label") ? stage_node["label"].as_string() : "";
      stage.capacity_per_month = static_cast<int>(stage_node["capacity_per_month"].as_integer(0, kMaxCohortCount));
      stage.service_time = parse_time(stage_node["service_time"], false);
      stage.note = stage_node.note();
      pipeline.stages.push_back(std::move(stage));
    }
    pipelines.push_back(std::move(pipeline));
  }
  return pipelines;
}

}  // namespace

PipelineIndex read_pipelines(const JsonNode& root, Scenario& scenario) {
  PipelineIndex pipeline_index;
  if (root.has("pipelines")) scenario.pipelines = parse_pipelines(root["pipelines"], pipeline_index);
  return pipeline_index;
}

int resolve_pipeline(const PipelineIndex& pipelines, const JsonNode& node) {
  std::string id = node.as_string();
  auto found = pipelines.find(id);
  if (found == pipelines.end()) {
    std::vector<std::string> names;
    for (const auto& [name, index] : pipelines) names.push_back(name);
    std::string message = "unknown pipeline \"" + id + "\"";
    std::string suggestion = closest_match(id, names);
    if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
    node.fail(message);
  }
  return found->second;
}

int resolve_stage(const Pipeline& pipeline, const JsonNode& node) {
  std::string id = node.as_string();
  std::vector<std::string> names;
  for (size_t s = 0; s < pipeline.stages.size(); ++s) {
    if (pipeline.stages[s].id == id) return static_cast<int>(s);
    names.push_back(pipeline.stages[s].id);
  }
  std::string message = "pipeline \"" + pipeline.id + "\" has no stage \"" + id + "\"";
  std::string suggestion = closest_match(id, names);
  if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
  node.fail(message);
}

void read_foster_placements(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
  if (root.has("foster_placements")) {
    JsonNode node = root["foster_placements"];
    node.expect_object({"states", "overflow_state", "free_at_start", "recruited_per_year"});
    FosterPlacements& pool = scenario.foster_placements;
    scenario.has_foster_placements = true;
    JsonNode states = node["states"];
    states.expect_array();
    if (states.size() == 0) states.fail("must list at least one state whose children use a foster placement");
    for (size_t i = 0; i < states.size(); ++i) pool.states.push_back(ids.resolve_state(states[i]));
    pool.overflow_state = ids.resolve_state(node["overflow_state"]);
    if (std::find(pool.states.begin(), pool.states.end(), pool.overflow_state) != pool.states.end())
      node["overflow_state"].fail("the overflow state cannot itself need a foster placement");
    pool.free_at_start = static_cast<int>(node["free_at_start"].as_integer(0, kMaxCohortCount));
    if (node.has("recruited_per_year")) {
      // A net change: recruitment less the carers who stop, negative when more stop than join.
      pool.recruited_per_year = node["recruited_per_year"].as_number();
      if (std::fabs(pool.recruited_per_year) > kMaxRecruitedPerYear)
        node["recruited_per_year"].fail(recruitment_limit_message(node["recruited_per_year"].value()));
    }
    pool.note = node.note();
  }
}

void check_capacity_totals(const JsonNode& root, const Scenario& scenario) {
  if (!root.has("interventions")) return;
  // Running totals in whole numbers, as the simulation adds them up in ints: each stage's monthly capacity,
  // and the foster placements free and recruited a year.
  std::vector<std::vector<long long>> stage_capacity;
  for (const Pipeline& pipeline : scenario.pipelines) {
    stage_capacity.emplace_back();
    for (const PipelineStage& stage : pipeline.stages) stage_capacity.back().push_back(stage.capacity_per_month);
  }
  long long placements = scenario.foster_placements.free_at_start;
  double recruited = scenario.foster_placements.recruited_per_year;
  JsonNode interventions = root["interventions"];
  for (size_t i = 0; i < scenario.interventions.size(); ++i) {
    const Intervention& intervention = scenario.interventions[i];
    if (intervention.kind != Intervention::Kind::add_capacity) continue;
    JsonNode node = interventions[i];
    if (!intervention.foster) {
      const Pipeline& pipeline = scenario.pipelines[intervention.pipeline];
      long long& capacity = stage_capacity[intervention.pipeline][intervention.stage];
      capacity += std::max(0, intervention.extra_per_month);
      if (capacity > kMaxCohortCount)
        node["per_month"].fail("takes the capacity of \"" + pipeline.id + "/" + pipeline.stages[intervention.stage].id +
                               "\" above " + std::to_string(kMaxCohortCount) +
                               " a month (its capacity_per_month and every add_capacity on it added up), the most caseflow counts");
      continue;
    }
    placements += intervention.extra_placements;
    if (placements > kMaxCohortCount)
      node["placements"].fail("takes the foster placements above " + std::to_string(kMaxCohortCount) +
                              " (free_at_start and every add_capacity on them added up), the most caseflow counts");
    recruited += intervention.extra_recruited_per_year;
    if (std::fabs(recruited) > kMaxRecruitedPerYear)
      node["recruited_per_year"].fail("takes the foster placements recruited above 100000 a year (recruited_per_year and every "
                                      "add_capacity on them added up; England as a whole has some 40,000 fostering households)");
  }
}

}  // namespace caseflow::detail
