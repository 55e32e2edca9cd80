// Reading what a scenario states about its own uncertainty: 90% ranges beside any number that takes one
// ("per_year_range": [50, 85]), how certain the placement mixes are, and drift (levels, trends and
// volatilities of rates over the horizon); and the history of counts before the start date that a
// forecast is shown against. Read after every other part, since a range is checked against the number it
// accompanies and a drift group names transitions.

#include <algorithm>
#include <cmath>

#include <nlohmann/json.hpp>

#include "caseflow/scenario/drift.hpp"
#include "caseflow/scenario/parameter_ranges.hpp"
#include "scenario_parts.hpp"

namespace caseflow::detail {

namespace {

using nlohmann::json;

// The most a drift's volatility or trend may be per year (a rate doubling or halving in a year is far beyond
// what any council has seen).
constexpr double kMaxDriftPerYear = 1;

NumberRange parse_range(const JsonNode& node) {
  NumberRange range;
  if (node.value().is_array()) {
    if (node.size() != 2) node.fail("must be [low, high], got " + node.value().dump());
    range.low = node[0].as_number();
    range.high = node[1].as_number();
  } else if (node.value().is_object()) {
    node.expect_object({"low", "high"});
    range.low = node["low"].as_number();
    range.high = node["high"].as_number();
    range.note = node.note();
  } else {
    node.fail("must be [low, high] (the 5th and 95th percentiles of the number), or {\"low\": ..., \"high\": ..., "
              "\"note\": ...}, got " + describe(node.value()));
  }
  return range;
}

// Every "KEY_range" in `node` and below it, checked against KEY's number and rule.
void collect_ranges(const JsonNode& node, Scenario& scenario) {
  if (node.value().is_array()) {
    for (size_t i = 0; i < node.size(); ++i) collect_ranges(node[i], scenario);
    return;
  }
  if (!node.value().is_object()) return;
  for (const auto& [key, child] : node.value().items()) {
    if (key.size() <= kRangeSuffix.size() || !key.ends_with(kRangeSuffix)) {
      collect_ranges(node[key], scenario);
      continue;
    }
    JsonNode range_node = node[key];
    const std::string stem = key.substr(0, key.size() - kRangeSuffix.size());
    const std::string path = node.path() + "/" + stem;
    const RangeRule* rule = range_rule(path);
    if (!rule)
      range_node.fail("\"" + stem + "\" cannot carry a range here: ranges go on rates, waiting times, capacities, "
                      "placements, costs, inflation, intervention effects and drift (docs/scenario-format.md)");
    if (!node.has(stem)) range_node.fail("has no \"" + stem + "\" beside it: give the number the range is about");
    NumberRange range = parse_range(range_node);
    std::string problem = range_problem(*rule, range, node[stem].as_number());
    if (!problem.empty()) range_node.fail(problem);
    scenario.ranges[path] = range;
  }
}

std::vector<int> state_list(const JsonNode& node, const IdTable& ids) {
  std::vector<int> states;
  if (node.value().is_array()) {
    for (size_t i = 0; i < node.size(); ++i) states.push_back(ids.resolve_state(node[i]));
  } else {
    states.push_back(ids.resolve_state(node));
  }
  return states;
}

std::vector<Destination> destination_list(const JsonNode& node, const IdTable& ids) {
  std::vector<Destination> destinations;
  if (node.value().is_array()) {
    for (size_t i = 0; i < node.size(); ++i) destinations.push_back(ids.resolve(node[i]));
  } else {
    destinations.push_back(ids.resolve(node));
  }
  return destinations;
}

DriftProcess parse_process(const JsonNode& node) {
  DriftProcess process;
  if (node.has("level")) process.level = node["level"].as_positive();
  if (node.has("volatility_per_year")) process.volatility_per_year = node["volatility_per_year"].as_non_negative();
  if (node.has("trend_per_year")) process.trend_per_year = node["trend_per_year"].as_number();
  if (process.volatility_per_year > kMaxDriftPerYear)
    node["volatility_per_year"].fail("must be at most 1 (a rate whose logarithm moves by a standard deviation of 1 a "
                                     "year), got " + describe(node["volatility_per_year"].value()) +
                                     ": is it a percentage? 10% a year is 0.1");
  if (std::fabs(process.trend_per_year) > kMaxDriftPerYear)
    node["trend_per_year"].fail("must be between -1 and 1 (a change of that much a year), got " +
                                describe(node["trend_per_year"].value()) + ": is it a percentage? 5% a year is 0.05");
  return process;
}

}  // namespace

void read_ranges(const JsonNode& root, Scenario& scenario) { collect_ranges(root, scenario); }

void read_placement_mix_uncertainty(const JsonNode& root, Scenario& scenario) {
  if (!root.has("placement_mix_uncertainty")) return;
  JsonNode node = root["placement_mix_uncertainty"];
  node.expect_object({"concentration"});
  if (scenario.placement_mix.empty()) node.fail("needs \"placement_types\" and \"placement_mix\" in the scenario");
  scenario.placement_mix_concentration = node["concentration"].as_positive();
  scenario.placement_mix_uncertainty_note = node.note();
}

void read_drift(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
  if (!root.has("drift")) return;
  JsonNode node = root["drift"];
  node.expect_object({"arrivals", "transitions"});
  scenario.drift.note = node.note();
  if (node.has("arrivals")) {
    JsonNode arrivals = node["arrivals"];
    arrivals.expect_object({"level", "volatility_per_year", "trend_per_year"});
    if (scenario.arrivals.empty()) arrivals.fail("the scenario has no arrivals to drift");
    scenario.drift.has_arrivals = true;
    scenario.drift.arrivals = parse_process(arrivals);
    scenario.drift.arrivals_note = arrivals.note();
  }
  if (node.has("transitions")) {
    JsonNode groups = node["transitions"];
    groups.expect_array();
    for (size_t g = 0; g < groups.size(); ++g) {
      JsonNode group_node = groups[g];
      group_node.expect_object({"from", "to", "level", "volatility_per_year", "trend_per_year"});
      DriftGroup group;
      if (group_node.has("from")) group.from_states = state_list(group_node["from"], ids);
      if (group_node.has("to")) group.to = destination_list(group_node["to"], ids);
      group.process = parse_process(group_node);
      group.note = group_node.note();
      if (std::none_of(scenario.transitions.begin(), scenario.transitions.end(),
                       [&](const Transition& transition) { return drift_moves(group, transition); }))
        group_node.fail("moves no transition: no transition (other than a fixed time) goes from its \"from\" states to "
                        "its \"to\" destinations");
      scenario.drift.transitions.push_back(std::move(group));
    }
  }
}

void read_history(const JsonNode& root, Scenario& scenario) {
  if (!root.has("history")) return;
  JsonNode history = root["history"];
  history.expect_array();
  for (size_t i = 0; i < history.size(); ++i) {
    JsonNode node = history[i];
    node.expect_object({"date", "in_care"});
    HistoryPoint point{parse_date(node["date"]), node["in_care"].as_non_negative(), node.note()};
    if (!(point.date < scenario.start_date))
      node["date"].fail("must be before the start date " + format_iso_date(scenario.start_date) +
                        ": the history is what was known when the forecast was made");
    if (!scenario.history.empty() && !(scenario.history.back().date < point.date))
      node["date"].fail("must be after the date before it, " + format_iso_date(scenario.history.back().date));
    scenario.history.push_back(std::move(point));
  }
}

}  // namespace caseflow::detail
