#include "caseflow/serve/levers.hpp"

#include <algorithm>
#include <cmath>

#include "caseflow/base/calendar.hpp"
#include "caseflow/base/financial_year.hpp"
#include "caseflow/base/input_error.hpp"
#include "caseflow/base/json_reader.hpp"
#include "caseflow/scenario/parameter_ranges.hpp"

namespace caseflow {

namespace {

using nlohmann::json;

// A slider's span: from `low` to at least `times` the value (and `at_least`), wide enough for the stated range.
Lever number_lever(const Scenario& scenario, std::string path, std::string group, std::string label, Lever::Kind kind,
                   double value, double low, double times, double at_least) {
  Lever lever;
  lever.path = std::move(path);
  lever.group = std::move(group);
  lever.label = std::move(label);
  lever.kind = kind;
  lever.value = value;
  lever.min = std::min(low, value);
  lever.max = std::max({value * times, at_least, value});
  if (auto range = scenario.ranges.find(lever.path); range != scenario.ranges.end()) {
    lever.stated_range = range->second;
    lever.min = std::min(lever.min, range->second.low);
    lever.max = std::max(lever.max, range->second.high);
  }
  if (kind == Lever::Kind::share) {
    lever.step = 0.01;
  } else if (kind == Lever::Kind::whole) {
    lever.step = 1;
  } else {
    // About a hundred steps of a round size across the span.
    const double raw = (lever.max - lever.min) / 100;
    const double power = std::pow(10.0, std::floor(std::log10(raw > 0 ? raw : 1)));
    lever.step = raw / power < 2 ? power : raw / power < 5 ? 2 * power : 5 * power;
  }
  return lever;
}

Lever date_lever(const Scenario& scenario, std::string path, std::string group, std::string label, Date value) {
  Lever lever;
  lever.path = std::move(path);
  lever.group = std::move(group);
  lever.label = std::move(label);
  lever.kind = Lever::Kind::date;
  lever.date = format_iso_date(value);
  lever.first_date = format_iso_date(std::min(value, scenario.start_date));
  lever.last_date = format_iso_date(std::max(value, add_months(scenario.start_date, scenario.horizon_months)));
  return lever;
}

std::string state_name(const Scenario& scenario, int state) {
  const StateDefinition& definition = scenario.states[static_cast<size_t>(state)];
  return definition.label.empty() ? definition.id : definition.label;
}

void add_intervention_levers(const Scenario& scenario, size_t i, std::vector<Lever>& levers) {
  const Intervention& intervention = scenario.interventions[i];
  const std::string at = "/interventions/" + std::to_string(i) + "/";
  // Two interventions may share a label (one team diverting arrivals into two states): the page groups by it.
  std::string group = intervention.label.empty() ? "Intervention " + std::to_string(i + 1) : intervention.label;
  for (size_t other = 0; other < scenario.interventions.size(); ++other)
    if (other != i && scenario.interventions[other].label == intervention.label) {
      group += " (intervention " + std::to_string(i + 1) + ")";
      break;
    }
  switch (intervention.kind) {
    case Intervention::Kind::scale_rate:
      levers.push_back(number_lever(scenario, at + "factor", group,
                                    "Rate multiplier, " + state_name(scenario, intervention.from_state) + " to " +
                                        scenario.destination_id(intervention.to),
                                    Lever::Kind::number, intervention.factor, 0.05, 3, 3));
      break;
    case Intervention::Kind::divert_arrivals:
      levers.push_back(number_lever(scenario, at + "share", group,
                                    intervention.arrival_state < 0
                                        ? "Share of arrivals kept out of care"
                                        : "Share of arrivals into " + state_name(scenario, intervention.arrival_state) + " kept out of care",
                                    Lever::Kind::share,
                                    intervention.share, 0, 1, 0.9));
      break;
    case Intervention::Kind::add_capacity:
      if (intervention.foster) {
        levers.push_back(number_lever(scenario, at + "placements", group, "Extra foster placements", Lever::Kind::whole,
                                      intervention.extra_placements, 0, 3, 20));
        levers.push_back(number_lever(scenario, at + "recruited_per_year", group, "Extra carers recruited a year",
                                      Lever::Kind::number, intervention.extra_recruited_per_year, 0, 3, 20));
      } else {
        levers.push_back(number_lever(scenario, at + "per_month", group, "Extra orders a month", Lever::Kind::whole,
                                      intervention.extra_per_month, 0, 3, 10));
      }
      break;
    case Intervention::Kind::move_children:
      levers.push_back(number_lever(scenario, at + "count", group, "Children moved", Lever::Kind::whole, intervention.count, 0,
                                    3, 20));
      levers.push_back(date_lever(scenario, at + "date", group, "Date of the move", intervention.start));
      return;  // no window and no end
  }
  levers.push_back(number_lever(scenario, at + "annual_cost", group, "Running cost a year (£)", Lever::Kind::number,
                                intervention.annual_cost, 0, 3, 100000));
  levers.push_back(date_lever(scenario, at + "start", group, "Starts on", intervention.start));
  if (intervention.has_end) levers.push_back(date_lever(scenario, at + "end", group, "Ends before", intervention.end));
}

const char* kind_name(Lever::Kind kind) {
  switch (kind) {
    case Lever::Kind::number: return "number";
    case Lever::Kind::whole: return "whole";
    case Lever::Kind::share: return "share";
    case Lever::Kind::date: return "date";
  }
  return "number";
}

// The range beside a number moved with it (see apply_levers); nullopt to drop it.
std::optional<NumberRange> moved_range(const std::string& path, const NumberRange& range, double old_value, double new_value) {
  const RangeRule* rule = range_rule(path);
  if (!rule) return std::nullopt;
  NumberRange moved = range;
  if (rule->law == RangeLaw::normal) {
    moved.low += new_value - old_value;
    moved.high += new_value - old_value;
  } else if (old_value > 0) {
    moved.low *= new_value / old_value;
    moved.high *= new_value / old_value;
  } else {
    return std::nullopt;
  }
  if (!range_problem(*rule, moved, new_value).empty()) return std::nullopt;
  return moved;
}

}  // namespace

std::vector<Lever> scenario_levers(const Scenario& scenario) {
  std::vector<Lever> levers;
  for (size_t i = 0; i < scenario.interventions.size(); ++i) add_intervention_levers(scenario, i, levers);
  for (size_t i = 0; i < scenario.arrivals.size(); ++i) {
    levers.push_back(number_lever(scenario, "/arrivals/" + std::to_string(i) + "/per_year", "Arrivals",
                                  "Arrivals a year into " + state_name(scenario, scenario.arrivals[i].state), Lever::Kind::number,
                                  scenario.arrivals[i].per_year, 0, 2, 10));
  }
  for (size_t i = 0; i < scenario.placement_types.size(); ++i) {
    const PlacementType& type = scenario.placement_types[i];
    levers.push_back(number_lever(scenario, "/placement_types/" + std::to_string(i) + "/weekly_cost", "Unit costs",
                                  (type.label.empty() ? type.id : type.label) + ", a week (£)", Lever::Kind::number,
                                  type.weekly_cost, 0, 2, 100));
  }
  for (size_t i = 0; i < scenario.costs.budgets.size(); ++i) {
    const Budget& budget = scenario.costs.budgets[i];
    levers.push_back(number_lever(scenario, "/costs/budgets/" + std::to_string(i) + "/amount", "Budgets",
                                  "Budget for " + financial_year_label(budget.first_year) + " (£)", Lever::Kind::number,
                                  budget.amount, 0, 2, 1000));
  }
  return levers;
}

json levers_to_json(const std::vector<Lever>& levers) {
  json out = json::array();
  for (const Lever& lever : levers) {
    json item{{"path", lever.path}, {"group", lever.group}, {"label", lever.label}, {"kind", kind_name(lever.kind)}};
    if (lever.kind == Lever::Kind::date) {
      item["value"] = lever.date;
      item["min"] = lever.first_date;
      item["max"] = lever.last_date;
    } else {
      item["value"] = lever.value;
      item["min"] = lever.min;
      item["max"] = lever.max;
      item["step"] = lever.step;
      if (lever.stated_range) item["range"] = {lever.stated_range->low, lever.stated_range->high};
    }
    out.push_back(std::move(item));
  }
  return out;
}

json apply_levers(const Scenario& scenario, json document, const json& values) {
  if (!values.is_object()) throw InputError("levers", "", "must be an object of lever paths and values");
  const std::vector<Lever> levers = scenario_levers(scenario);
  for (const auto& item : values.items()) {
    // Not a structured binding: clang 14 refuses to capture one in the lambda below.
    const std::string path = item.key();
    const json& value = item.value();
    auto lever = std::find_if(levers.begin(), levers.end(), [&](const Lever& l) { return l.path == path; });
    if (lever == levers.end()) throw InputError("levers", path, "is not a lever of this scenario");
    if (lever->kind == Lever::Kind::date) {
      if (!value.is_string() || !parse_iso_date(value.get<std::string>()))
        throw InputError("levers", path, "must be a date, YYYY-MM-DD, got " + value.dump());
      document[json::json_pointer(path)] = value;
      continue;
    }
    if (!value.is_number() || !std::isfinite(value.get<double>()))
      throw InputError("levers", path, "must be a number, got " + value.dump());
    const double number = value.get<double>();
    if (lever->kind == Lever::Kind::whole && number != std::floor(number))
      throw InputError("levers", path, "must be a whole number, got " + value.dump());
    json& target = document[json::json_pointer(path)];
    if (lever->kind == Lever::Kind::whole) {
      target = static_cast<long long>(number);
    } else {
      target = number;
    }
    // The range beside it, when the scenario states one.
    const size_t slash = path.rfind('/');
    json& holder = document[json::json_pointer(path.substr(0, slash))];
    const std::string range_key = path.substr(slash + 1) + std::string(detail::kRangeSuffix);
    if (!lever->stated_range || !holder.contains(range_key)) continue;
    std::optional<NumberRange> moved = moved_range(path, *lever->stated_range, lever->value, number);
    json& range = holder[range_key];
    if (!moved) {
      holder.erase(range_key);
    } else if (range.is_object()) {
      range["low"] = moved->low;
      range["high"] = moved->high;
    } else {
      range = {moved->low, moved->high};
    }
  }
  return document;
}

}  // namespace caseflow
