// Reading a scenario from one JSON document: the top-level fields, then each part in turn by the readers
// of scenario_parts.hpp, in an order where every reference is to something already read. Loading a
// file (and the files it inherits from) is scenario_file.cpp; writing JSON is scenario_to_json.cpp.

#include "caseflow/scenario/scenario_json.hpp"

#include <nlohmann/json.hpp>

#include "scenario_parts.hpp"

namespace caseflow {

using nlohmann::json;
using detail::JsonNode;

Scenario scenario_from_json(const json& document, const std::string& source) {
  const JsonNode root = JsonNode(document, "", source).allowing_ranges();
  if (root.has("base"))
    root["base"].fail("names another scenario file, which needs the folder to look in: load the scenario from its file");
  root.expect_object({"format", "name", "start_date", "horizon_months", "states", "exits", "transitions", "age_out",
                      "arrivals", "initial_population", "pipelines", "foster_placements", "interventions",
                      "comparators", "placement_types", "placement_mix", "costs", "placement_mix_uncertainty", "drift",
                      "history"});
  Scenario scenario;
  if (std::string format = root["format"].as_string(); format != detail::kScenarioFormat)
    root["format"].fail(std::string("must be \"") + detail::kScenarioFormat + "\", got " + detail::describe(document["format"]));
  scenario.name = root["name"].as_string();
  scenario.note = root.note();
  scenario.start_date = detail::parse_date(root["start_date"]);
  scenario.horizon_months = static_cast<int>(root["horizon_months"].as_integer(
      0, detail::kMaxHorizonMonths, "1200 months is 100 years, far beyond any useful forecast of children in care; "
                                    "the limit cannot be raised"));

  detail::IdTable ids;
  detail::read_states_and_exits(root, scenario, ids);
  detail::read_age_out(root, scenario, ids);
  const detail::PipelineIndex pipelines = detail::read_pipelines(root, scenario);
  detail::read_transitions(root, scenario, ids, pipelines);
  detail::read_arrivals(root, scenario, ids);
  detail::read_foster_placements(root, scenario, ids);
  detail::read_initial_population(root, scenario, ids, pipelines);
  detail::read_placements(root, scenario, ids);
  detail::read_costs(root, scenario, ids);
  detail::read_interventions(root, scenario, ids, pipelines);
  detail::check_capacity_totals(root, scenario);
  detail::read_comparators(root, scenario);
  detail::read_placement_mix_uncertainty(root, scenario);
  detail::read_drift(root, scenario, ids);
  detail::read_history(root, scenario);
  detail::read_ranges(root, scenario);
  return scenario;
}

}  // namespace caseflow
