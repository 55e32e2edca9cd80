#pragma once
// The levers a service manager moves on the what-if page, generated from a scenario: each intervention's
// strength, running cost and dates, the arrivals a year, the weekly cost of each placement type and each
// budget line. A lever is named by the JSON path of its number in the scenario's document (scenario_to_json),
// so that moving it is writing that number, and the scenario reader validates the result as it validates
// any file, naming the same path when it refuses it.

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

struct Lever {
  enum class Kind { number, whole, share, date };
  std::string path;   // "/interventions/0/share", "/arrivals/1/per_year", "/costs/budgets/0/amount"
  std::string group;  // what the page groups it under: an intervention's label, "Arrivals", "Unit costs", "Budgets"
  std::string label;  // what the control is called
  Kind kind = Kind::number;
  // Numbers: the value now and the slider's span, which holds the value and any range the scenario states.
  double value = 0, min = 0, max = 1, step = 1;
  std::optional<NumberRange> stated_range;
  // Dates (ISO): the value now and the span of the forecast.
  std::string date, first_date, last_date;
};

std::vector<Lever> scenario_levers(const Scenario& scenario);
nlohmann::json levers_to_json(const std::vector<Lever>& levers);

// `document` (scenario_to_json of `scenario`) with the numbers and dates of `values` ({"/arrivals/0/per_year":
// 70, "/interventions/0/start": "2021-04-01"}) written in. A number with a stated range takes the range
// along: a positive quantity keeps its range relative to it (both ends times the new value over the old),
// another shifts it by the change; when the moved range no longer fits its rule (a share of 0, a cost of 0),
// the number is taken as known and its range dropped. Throws InputError (source "levers", the lever's path as
// the place) for a path that is not a lever of `scenario` or a value of the wrong type; what the values
// make of the scenario is for the reader to judge.
nlohmann::json apply_levers(const Scenario& scenario, nlohmann::json document, const nlohmann::json& values);

}  // namespace caseflow
