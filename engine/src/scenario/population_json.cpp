// Reading the core of a scenario from JSON: its states and exits, and how children move through them —
// the transitions between states, leaving care at the age_out age, arrivals, and the children already in
// care at the start. The other parts (capacity, costs, interventions) refer to what is read here.

#include <algorithm>

#include <nlohmann/json.hpp>

#include "scenario_parts.hpp"
#include "uncertainty_json.hpp"

namespace caseflow::detail {

void read_states_and_exits(const JsonNode& root, Scenario& scenario, IdTable& ids) {
  JsonNode states = root["states"];
  states.expect_array();
  if (states.size() == 0) states.fail("must list at least one state");
  for (size_t i = 0; i < states.size(); ++i) {
    JsonNode node = states[i];
    node.expect_object({"id", "label"});
    StateDefinition state{node["id"].as_id(), node.has("label") ? node["label"].as_string() : "", node.note()};
    ids.add(node["id"], state.id, {Destination::Kind::state, static_cast<int>(i)});
    scenario.states.push_back(std::move(state));
  }
  if (root.has("exits")) {
    JsonNode exits = root["exits"];
    exits.expect_array();
    for (size_t i = 0; i < exits.size(); ++i) {
      JsonNode node = exits[i];
      node.expect_object({"id", "label"});
      ExitDefinition exit{node["id"].as_id(), node.has("label") ? node["label"].as_string() : "", node.note()};
      ids.add(node["id"], exit.id, {Destination::Kind::exit, static_cast<int>(i)});
      scenario.exits.push_back(std::move(exit));
    }
  }
}

void read_age_out(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
  if (root.has("age_out")) {
    JsonNode node = root["age_out"];
    node.expect_object({"age_years", "exit"});
    scenario.has_age_out = true;
    scenario.age_out.age_years = node["age_years"].as_positive();
    if (scenario.age_out.age_years > kMaxAgeYears)
      node["age_years"].fail("must be at most " + std::to_string(kMaxAgeYears) + ", got " +
                             describe(node["age_years"].value()));
    scenario.age_out.exit = ids.resolve_exit(node["exit"]);
    scenario.age_out.note = node.note();
  }
}

void read_transitions(const JsonNode& root, Scenario& scenario, const IdTable& ids, const PipelineIndex& pipelines) {
  if (root.has("transitions")) {
    JsonNode transitions = root["transitions"];
    transitions.expect_array();
    for (size_t i = 0; i < transitions.size(); ++i) {
      JsonNode node = transitions[i];
      node.expect_object({"from", "to", "time", "ages", "via"});
      Transition transition;
      transition.from_state = ids.resolve_state(node["from"]);
      transition.to = ids.resolve(node["to"]);
      if (transition.to == Destination{Destination::Kind::state, transition.from_state})
        node["to"].fail("a transition cannot lead back to its own state \"" + node["to"].as_string() + "\"");
      transition.time = parse_time(node["time"], false);
      if (node.has("ages")) {
        JsonNode ages = node["ages"];
        ages.expect_array();
        if (ages.size() != 2) ages.fail("must be [min, max) in years, got " + describe(ages.value()));
        transition.has_age_limits = true;
        transition.min_age_years = ages[0].as_non_negative();
        transition.max_age_years = ages[1].as_non_negative();
        if (transition.max_age_years > kMaxAgeYears)
          ages[1].fail("must be at most " + std::to_string(kMaxAgeYears) + " years, got " + describe(ages[1].value()) +
                       " (for no upper age limit, use " + std::to_string(kMaxAgeYears) + ")");
        if (transition.max_age_years <= transition.min_age_years)
          ages[1].fail("must be greater than the minimum age " + describe(ages[0].value()) + ", got " +
                       describe(ages[1].value()));
      }
      if (node.has("via")) transition.via_pipeline = resolve_pipeline(pipelines, node["via"]);
      transition.note = node.note();
      scenario.transitions.push_back(std::move(transition));
    }
  }
}

void read_arrivals(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
  if (root.has("arrivals")) {
    JsonNode arrivals = root["arrivals"];
    arrivals.expect_array();
    for (size_t i = 0; i < arrivals.size(); ++i) {
      JsonNode node = arrivals[i];
      node.expect_object({"state", "per_year", "age_years", "uncertainty"});
      ArrivalStream stream;
      stream.state = ids.resolve_state(node["state"]);
      stream.per_year = node["per_year"].as_non_negative();
      if (stream.per_year > kMaxArrivalsPerYear)
        node["per_year"].fail("is above the limit of " + std::to_string(static_cast<long long>(kMaxArrivalsPerYear)) +
                              " arrivals a year (England as a whole has about 33,000 a year: is it a total rather than a "
                              "rate per year? The limit cannot be raised; a larger stream can be split into several)");
      stream.ages = parse_ages(node["age_years"], scenario);
      if (node.has("uncertainty")) stream.uncertainty = parse_rate_uncertainty(node["uncertainty"]);
      stream.note = node.note();
      scenario.arrivals.push_back(std::move(stream));
    }
  }
}

void read_initial_population(const JsonNode& root, Scenario& scenario, const IdTable& ids, const PipelineIndex& pipelines) {
  if (root.has("initial_population")) {
    JsonNode cohorts = root["initial_population"];
    cohorts.expect_array();
    for (size_t i = 0; i < cohorts.size(); ++i) {
      JsonNode node = cohorts[i];
      node.expect_object({"state", "count", "age_years", "days_in_state", "pipeline", "waiting_for"});
      InitialCohort cohort;
      cohort.state = ids.resolve_state(node["state"]);
      cohort.count = static_cast<int>(node["count"].as_integer(
          0, kMaxCohortCount, "England as a whole has about 83,000 children in care: is it a typo? The limit cannot be "
                              "raised; a larger population can be split into several cohorts"));
      cohort.ages = parse_ages(node["age_years"], scenario);
      if (node.has("days_in_state")) {
        cohort.has_days_in_state = true;
        cohort.days_in_state = parse_time(node["days_in_state"], true);
      }
      if (node.has("pipeline")) {
        JsonNode place = node["pipeline"];
        place.expect_object({"via", "to", "stage"});
        int pipeline = resolve_pipeline(pipelines, place["via"]);
        Destination to = ids.resolve(place["to"]);
        for (size_t t = 0; t < scenario.transitions.size(); ++t) {
          const Transition& transition = scenario.transitions[t];
          if (transition.from_state == cohort.state && transition.to == to && transition.via_pipeline == pipeline)
            cohort.pipeline_transition = static_cast<int>(t);
        }
        if (cohort.pipeline_transition < 0)
          place.fail("no transition from \"" + scenario.states[cohort.state].id + "\" to \"" + place["to"].as_string() +
                     "\" goes via \"" + place["via"].as_string() + "\"");
        cohort.pipeline_stage = resolve_stage(scenario.pipelines[pipeline], place["stage"]);
      }
      if (node.has("waiting_for")) {
        JsonNode wanted = node["waiting_for"];
        if (!scenario.has_foster_placements) wanted.fail("needs \"foster_placements\" in the scenario");
        cohort.waiting_for_state = ids.resolve_state(wanted);
        const auto& pool = scenario.foster_placements;
        if (std::find(pool.states.begin(), pool.states.end(), cohort.waiting_for_state) == pool.states.end())
          wanted.fail("must be one of the foster_placements states");
        if (cohort.state != pool.overflow_state)
          wanted.fail("only children in the overflow state \"" + scenario.states[pool.overflow_state].id +
                      "\" can be waiting for a foster placement");
        if (cohort.pipeline_transition >= 0) wanted.fail("a cohort cannot both wait for a placement and be in a pipeline");
      }
      cohort.note = node.note();
      scenario.initial_population.push_back(std::move(cohort));
    }
  }
}

}  // namespace caseflow::detail
