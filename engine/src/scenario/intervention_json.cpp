// Reading a scenario's interventions from JSON: the changes a strategy makes on given dates — scaling the
// rate of a transition, diverting arrivals, adding capacity to a pipeline stage or the foster placements,
// and moving children at once. Each is checked against the parts it changes, which are read before it.

#include <nlohmann/json.hpp>

#include "scenario_parts.hpp"

namespace caseflow::detail {

namespace {

Intervention parse_intervention(const JsonNode& node, const Scenario& scenario, const IdTable& ids,
                                const PipelineIndex& pipeline_index) {
  if (!node.value().is_object()) node.fail("must be an object with \"type\", got " + describe(node.value()));
  static const std::map<std::string, Intervention::Kind> kinds = {
      {"scale_rate", Intervention::Kind::scale_rate},
      {"divert_arrivals", Intervention::Kind::divert_arrivals},
      {"add_capacity", Intervention::Kind::add_capacity},
      {"move_children", Intervention::Kind::move_children}};
  std::string type = node["type"].as_string();
  auto kind = kinds.find(type);
  if (kind == kinds.end()) {
    std::vector<std::string> names;
    for (const auto& [name, k] : kinds) names.push_back(name);
    std::string message = "unknown intervention type \"" + type + "\"";
    std::string suggestion = closest_match(type, names);
    message += suggestion.empty() ? "; expected scale_rate, divert_arrivals, add_capacity or move_children"
                                  : "; did you mean \"" + suggestion + "\"?";
    node["type"].fail(message);
  }
  Intervention intervention;
  intervention.kind = kind->second;
  intervention.note = node.note();
  auto read_window = [&] {
    intervention.start = parse_date(node["start"]);
    if (node.has("end")) {
      intervention.has_end = true;
      intervention.end = parse_date(node["end"]);
      if (intervention.end <= intervention.start) node["end"].fail("must be after start");
    }
  };
  switch (intervention.kind) {
    case Intervention::Kind::scale_rate: {
      node.expect_object({"type", "label", "annual_cost", "from", "to", "factor", "start", "end"});
      intervention.from_state = ids.resolve_state(node["from"]);
      intervention.to = ids.resolve(node["to"]);
      intervention.factor = node["factor"].as_non_negative();
      bool found = false;
      for (const auto& transition : scenario.transitions)
        if (transition.from_state == intervention.from_state && transition.to == intervention.to) {
          found = true;
          if (transition.time.kind == TimeDistribution::Kind::fixed)
            node["to"].fail("the transition from \"" + node["from"].as_string() + "\" to \"" + node["to"].as_string() +
                            "\" has a fixed time, which has no rate to scale");
        }
      if (!found) node["to"].fail("there is no transition from \"" + node["from"].as_string() + "\" to \"" + node["to"].as_string() + "\" to scale");
      read_window();
      break;
    }
    case Intervention::Kind::divert_arrivals: {
      node.expect_object({"type", "label", "annual_cost", "state", "share", "start", "end"});
      if (node.has("state")) intervention.arrival_state = ids.resolve_state(node["state"]);
      intervention.share = node["share"].as_non_negative();
      if (intervention.share > 1) node["share"].fail("must be between 0 and 1, got " + describe(node["share"].value()));
      read_window();
      break;
    }
    case Intervention::Kind::add_capacity: {
      node.expect_object({"type", "label", "annual_cost", "resource", "per_month", "placements", "recruited_per_year", "start", "end"});
      JsonNode resource = node["resource"];
      std::string name = resource.as_string();
      if (name == "foster_placements") {
        if (!scenario.has_foster_placements) resource.fail("the scenario has no \"foster_placements\"");
        intervention.foster = true;
        if (node.has("per_month")) node["per_month"].fail("applies to pipeline stages; foster placements take placements and recruited_per_year");
        if (node.has("placements")) intervention.extra_placements = static_cast<int>(node["placements"].as_integer(0, kMaxCohortCount));
        if (node.has("recruited_per_year")) intervention.extra_recruited_per_year = node["recruited_per_year"].as_non_negative();
      } else {
        size_t slash = name.find('/');
        auto found = pipeline_index.find(name.substr(0, slash));
        if (slash == std::string::npos || found == pipeline_index.end())
          resource.fail("must be \"foster_placements\" or \"PIPELINE/STAGE\" naming a pipeline stage, got " + describe(resource.value()));
        intervention.pipeline = found->second;
        const Pipeline& pipeline = scenario.pipelines[found->second];
        for (size_t s = 0; s < pipeline.stages.size(); ++s)
          if (pipeline.stages[s].id == name.substr(slash + 1)) intervention.stage = static_cast<int>(s);
        if (intervention.stage < 0) resource.fail("pipeline \"" + pipeline.id + "\" has no stage \"" + name.substr(slash + 1) + "\"");
        if (node.has("placements") || node.has("recruited_per_year"))
          node.fail("a pipeline stage takes per_month; placements and recruited_per_year are for foster_placements");
        intervention.extra_per_month = static_cast<int>(node["per_month"].as_integer(-kMaxCohortCount, kMaxCohortCount));
      }
      read_window();
      break;
    }
    case Intervention::Kind::move_children: {
      node.expect_object({"type", "label", "annual_cost", "from", "to", "count", "date"});
      intervention.from_state = ids.resolve_state(node["from"]);
      intervention.to = ids.resolve(node["to"]);
      if (intervention.to == Destination{Destination::Kind::state, intervention.from_state})
        node["to"].fail("children cannot be moved to the state they are in");
      intervention.count = static_cast<int>(node["count"].as_integer(0, kMaxCohortCount));
      intervention.start = parse_date(node["date"]);
      if (intervention.start <= scenario.start_date)
        node["date"].fail("must be after the start date " + format_iso_date(scenario.start_date) +
                          " (children present at the start are placed by initial_population)");
      break;
    }
  }
  intervention.label = node.has("label") ? node["label"].as_string() : type;
  if (node.has("annual_cost")) intervention.annual_cost = parse_money(node["annual_cost"]);
  return intervention;
}

}  // namespace

void read_interventions(const JsonNode& root, Scenario& scenario, const IdTable& ids, const PipelineIndex& pipelines) {
  if (root.has("interventions")) {
    JsonNode interventions = root["interventions"];
    interventions.expect_array();
    for (size_t i = 0; i < interventions.size(); ++i)
      scenario.interventions.push_back(parse_intervention(interventions[i], scenario, ids, pipelines));
  }
}

}  // namespace caseflow::detail
