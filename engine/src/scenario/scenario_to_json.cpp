// Writing a scenario as JSON: the inverse of scenario_from_json, so that what is written parses back to an
// equal scenario (the fuzz target checks it). Every optional part is written out in full, defaults
// included, so the file says everything the run assumed.

#include "caseflow/scenario/scenario_json.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "caseflow/base/financial_year.hpp"
#include "scenario_reading.hpp"
#include "uncertainty_json.hpp"

namespace caseflow {

using nlohmann::json;

namespace {

json with_note(json object, const std::string& note) {
  if (!note.empty()) object["note"] = note;
  return object;
}

json time_to_json(const TimeDistribution& time) {
  json out{{"dist", detail::distribution_name(time.kind)}};
  switch (time.kind) {
    case TimeDistribution::Kind::exponential: out["mean_days"] = time.mean_days; break;
    case TimeDistribution::Kind::weibull:
    case TimeDistribution::Kind::gamma:
      out["shape"] = time.shape;
      out["scale_days"] = time.scale_days;
      break;
    case TimeDistribution::Kind::lognormal:
      out["meanlog"] = time.meanlog;
      out["sdlog"] = time.sdlog;
      break;
    case TimeDistribution::Kind::fixed: out["days"] = time.days; break;
    case TimeDistribution::Kind::uniform:
      out["min_days"] = time.min_days;
      out["max_days"] = time.max_days;
      break;
  }
  detail::add_uncertainty_json(out, time.uncertainty);
  return with_note(out, time.note);
}

json intervention_to_json(const Scenario& scenario, const Intervention& intervention) {
  json out;
  auto window = [&] {
    out["start"] = format_iso_date(intervention.start);
    if (intervention.has_end) out["end"] = format_iso_date(intervention.end);
  };
  switch (intervention.kind) {
    case Intervention::Kind::scale_rate:
      out = {{"type", "scale_rate"}, {"from", scenario.states[intervention.from_state].id},
             {"to", scenario.destination_id(intervention.to)}, {"factor", intervention.factor}};
      window();
      break;
    case Intervention::Kind::divert_arrivals:
      out = {{"type", "divert_arrivals"}, {"share", intervention.share}};
      if (intervention.arrival_state >= 0) out["state"] = scenario.states[intervention.arrival_state].id;
      window();
      break;
    case Intervention::Kind::add_capacity:
      out = {{"type", "add_capacity"}};
      if (intervention.foster) {
        out["resource"] = "foster_placements";
        out["placements"] = intervention.extra_placements;
        out["recruited_per_year"] = intervention.extra_recruited_per_year;
      } else {
        const Pipeline& pipeline = scenario.pipelines[intervention.pipeline];
        out["resource"] = pipeline.id + "/" + pipeline.stages[intervention.stage].id;
        out["per_month"] = intervention.extra_per_month;
      }
      window();
      break;
    case Intervention::Kind::move_children:
      out = {{"type", "move_children"}, {"from", scenario.states[intervention.from_state].id},
             {"to", scenario.destination_id(intervention.to)}, {"count", intervention.count},
             {"date", format_iso_date(intervention.start)}};
      break;
  }
  out["label"] = intervention.label;
  if (intervention.annual_cost > 0) out["annual_cost"] = intervention.annual_cost;
  return with_note(out, intervention.note);
}

json process_to_json(const DriftProcess& process, const std::string& note) {
  return with_note({{"level", process.level},
                    {"volatility_per_year", process.volatility_per_year},
                    {"trend_per_year", process.trend_per_year}},
                   note);
}

json drift_to_json(const Scenario& scenario) {
  const Drift& drift = scenario.drift;
  json out = json::object();
  if (drift.has_arrivals) out["arrivals"] = process_to_json(drift.arrivals, drift.arrivals_note);
  if (!drift.transitions.empty()) {
    json& groups = out["transitions"] = json::array();
    for (const DriftGroup& group : drift.transitions) {
      json item = process_to_json(group.process, group.note);
      if (!group.from_states.empty()) {
        json& from = item["from"] = json::array();
        for (int state : group.from_states) from.push_back(scenario.states[state].id);
      }
      if (!group.to.empty()) {
        json& to = item["to"] = json::array();
        for (Destination destination : group.to) to.push_back(scenario.destination_id(destination));
      }
      groups.push_back(item);
    }
  }
  return with_note(out, drift.note);
}

// Each range beside the number it is about, where the reader found it.
void add_ranges(json& out, const Scenario& scenario) {
  for (const auto& [path, range] : scenario.ranges) {
    json::json_pointer pointer(path);
    json& holder = out.at(pointer.parent_pointer());
    json value = json::array({range.low, range.high});
    if (!range.note.empty()) value = {{"low", range.low}, {"high", range.high}, {"note", range.note}};
    holder[pointer.back() + "_range"] = value;
  }
}

json ages_to_json(const AgeDistribution& ages) {
  json out = json::object();
  for (const auto& band : ages.bands) {
    std::string key = std::to_string(band.min_years);
    if (band.end_years != band.min_years + 1) key += "-" + std::to_string(band.end_years - 1);
    out[key] = band.share;
  }
  return with_note(out, ages.note);
}

}  // namespace

json scenario_to_json(const Scenario& scenario) {
  json out{{"format", detail::kScenarioFormat},
           {"name", scenario.name},
           {"start_date", format_iso_date(scenario.start_date)},
           {"horizon_months", scenario.horizon_months}};
  if (!scenario.note.empty()) out["note"] = scenario.note;
  json& states = out["states"] = json::array();
  for (const auto& state : scenario.states)
    states.push_back(with_note({{"id", state.id}, {"label", state.label}}, state.note));
  json& exits = out["exits"] = json::array();
  for (const auto& exit : scenario.exits) exits.push_back(with_note({{"id", exit.id}, {"label", exit.label}}, exit.note));
  json& transitions = out["transitions"] = json::array();
  for (const auto& transition : scenario.transitions) {
    json item{{"from", scenario.states[transition.from_state].id},
              {"to", scenario.destination_id(transition.to)},
              {"time", time_to_json(transition.time)}};
    if (transition.has_age_limits) item["ages"] = {transition.min_age_years, transition.max_age_years};
    if (transition.via_pipeline >= 0) item["via"] = scenario.pipelines[transition.via_pipeline].id;
    transitions.push_back(with_note(item, transition.note));
  }
  if (scenario.has_age_out)
    out["age_out"] = with_note({{"age_years", scenario.age_out.age_years}, {"exit", scenario.exits[scenario.age_out.exit].id}},
                               scenario.age_out.note);
  json& arrivals = out["arrivals"] = json::array();
  for (const auto& stream : scenario.arrivals) {
    json item{{"state", scenario.states[stream.state].id}, {"per_year", stream.per_year}, {"age_years", ages_to_json(stream.ages)}};
    detail::add_uncertainty_json(item, stream.uncertainty);
    arrivals.push_back(with_note(item, stream.note));
  }
  json& cohorts = out["initial_population"] = json::array();
  for (const auto& cohort : scenario.initial_population) {
    json item{{"state", scenario.states[cohort.state].id},
              {"count", cohort.count},
              {"age_years", ages_to_json(cohort.ages)}};
    if (cohort.has_days_in_state) item["days_in_state"] = time_to_json(cohort.days_in_state);
    if (cohort.pipeline_transition >= 0) {
      const Transition& transition = scenario.transitions[cohort.pipeline_transition];
      const Pipeline& pipeline = scenario.pipelines[transition.via_pipeline];
      item["pipeline"] = {{"via", pipeline.id}, {"to", scenario.destination_id(transition.to)},
                          {"stage", pipeline.stages[cohort.pipeline_stage].id}};
    }
    if (cohort.waiting_for_state >= 0) item["waiting_for"] = scenario.states[cohort.waiting_for_state].id;
    cohorts.push_back(with_note(item, cohort.note));
  }
  if (!scenario.pipelines.empty()) {
    json& pipelines = out["pipelines"] = json::array();
    for (const auto& pipeline : scenario.pipelines) {
      json stages = json::array();
      for (const auto& stage : pipeline.stages)
        stages.push_back(with_note({{"id", stage.id}, {"label", stage.label}, {"capacity_per_month", stage.capacity_per_month},
                                    {"service_time", time_to_json(stage.service_time)}},
                                   stage.note));
      pipelines.push_back(with_note({{"id", pipeline.id}, {"label", pipeline.label}, {"stages", stages}}, pipeline.note));
    }
  }
  if (scenario.has_foster_placements) {
    const FosterPlacements& pool = scenario.foster_placements;
    json states = json::array();
    for (int state : pool.states) states.push_back(scenario.states[state].id);
    out["foster_placements"] = with_note({{"states", states},
                                          {"overflow_state", scenario.states[pool.overflow_state].id},
                                          {"free_at_start", pool.free_at_start},
                                          {"recruited_per_year", pool.recruited_per_year}},
                                         pool.note);
  }
  if (!scenario.interventions.empty()) {
    json& interventions = out["interventions"] = json::array();
    for (const auto& intervention : scenario.interventions) interventions.push_back(intervention_to_json(scenario, intervention));
  }
  if (!scenario.placement_types.empty()) {
    json& types = out["placement_types"] = json::array();
    for (const auto& type : scenario.placement_types)
      types.push_back(with_note({{"id", type.id}, {"label", type.label}, {"weekly_cost", type.weekly_cost},
                                 {"inflation_per_year", type.inflation_per_year}},
                                type.note));
    json& mixes = out["placement_mix"] = json::object();
    for (size_t s = 0; s < scenario.placement_mix.size(); ++s) {
      json mix = json::object();
      for (size_t i = 0; i < scenario.placement_mix[s].types.size(); ++i)
        mix[scenario.placement_types[scenario.placement_mix[s].types[i]].id] = scenario.placement_mix[s].shares[i];
      mixes[scenario.states[s].id] = with_note(mix, scenario.placement_mix[s].note);
    }
  }
  {
    const CostSettings& costs = scenario.costs;
    json out_costs{{"inflation_from", format_iso_date(costs.inflation_from)},
                   {"discount_rate_per_year", costs.discount_rate_per_year},
                   {"discount_from", format_iso_date(costs.discount_from)}};
    if (!costs.allowances.empty()) {
      json& allowances = out_costs["allowances"] = json::array();
      for (const auto& a : costs.allowances) {
        json item{{"id", a.id}, {"label", a.label}, {"exit", scenario.exits[a.exit].id}, {"weekly_cost", a.weekly_cost},
                  {"years", a.years}, {"inflation_per_year", a.inflation_per_year}};
        if (std::isfinite(a.until_age_years)) item["until_age_years"] = a.until_age_years;
        allowances.push_back(with_note(item, a.note));
      }
    }
    if (!costs.budgets.empty()) {
      json& budgets = out_costs["budgets"] = json::array();
      for (const auto& b : costs.budgets) {
        budgets.push_back(with_note({{"financial_year", financial_year_label(b.first_year)}, {"amount", b.amount}}, b.note));
      }
    }
    out["costs"] = with_note(out_costs, costs.note);
  }
  if (!scenario.comparators.empty()) {
    json& comparators = out["comparators"] = json::array();
    for (const auto& comparator : scenario.comparators)
      comparators.push_back(with_note({{"id", comparator.id}, {"label", comparator.label}, {"count", comparator.count}}, comparator.note));
  }
  if (scenario.placement_mix_concentration > 0)
    out["placement_mix_uncertainty"] =
        with_note({{"concentration", scenario.placement_mix_concentration}}, scenario.placement_mix_uncertainty_note);
  if (scenario.drift.has_arrivals || !scenario.drift.transitions.empty() || !scenario.drift.note.empty())
    out["drift"] = drift_to_json(scenario);
  if (!scenario.history.empty()) {
    json& history = out["history"] = json::array();
    for (const HistoryPoint& point : scenario.history)
      history.push_back(with_note({{"date", format_iso_date(point.date)}, {"in_care", point.in_care}}, point.note));
  }
  add_ranges(out, scenario);
  return out;
}

}  // namespace caseflow
