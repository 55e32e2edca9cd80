// Reading what care costs from scenario JSON: the placement types with their weekly costs, the mix of
// placements children in each state are in, and the settings of costing (inflation and discounting dates,
// allowances paid after leaving care, budgets by financial year).

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

#include "caseflow/base/financial_year.hpp"
#include "scenario_parts.hpp"

namespace caseflow::detail {

using nlohmann::json;

namespace {

// Shares that must sum to 1 (within 0.001), keyed by ids from `names`; returns (index, share) pairs.
std::vector<std::pair<int, double>> parse_shares(const JsonNode& node, const std::vector<std::string>& names,
                                                 const std::string& what) {
  if (!node.value().is_object() || node.value().empty())
    node.fail("must be an object of " + what + " ids and shares, got " + describe(node.value()));
  std::vector<std::pair<int, double>> shares;
  double total = 0;
  for (const auto& [key, value] : node.value().items()) {
    if (key == "note") continue;
    JsonNode share = node[key];
    auto found = std::find(names.begin(), names.end(), key);
    if (found == names.end()) {
      std::string message = "unknown " + what + " \"" + key + "\"";
      std::string suggestion = closest_match(key, names);
      if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
      share.fail(message);
    }
    shares.emplace_back(static_cast<int>(found - names.begin()), share.as_non_negative());
    total += shares.back().second;
  }
  if (std::abs(total - 1.0) > 0.001) {
    std::ostringstream message;
    message << "shares must sum to 1 (within 0.001), got " << total;
    node.fail(message.str());
  }
  return shares;
}

void parse_placements(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
  JsonNode types = root["placement_types"];
  types.expect_array();
  std::vector<std::string> names;
  for (size_t i = 0; i < types.size(); ++i) {
    JsonNode node = types[i];
    node.expect_object({"id", "label", "weekly_cost", "inflation_per_year"});
    PlacementType type;
    type.id = node["id"].as_id();
    if (std::find(names.begin(), names.end(), type.id) != names.end()) node["id"].fail("duplicate placement type \"" + type.id + "\"");
    type.label = node.has("label") ? node["label"].as_string() : "";
    type.weekly_cost = parse_money(node["weekly_cost"]);
    if (node.has("inflation_per_year")) type.inflation_per_year = parse_inflation(node["inflation_per_year"]);
    type.note = node.note();
    names.push_back(type.id);
    scenario.placement_types.push_back(std::move(type));
  }
  JsonNode mixes = root["placement_mix"];
  if (!mixes.value().is_object()) mixes.fail("must be an object with a mix for each state, got " + describe(mixes.value()));
  scenario.placement_mix.assign(scenario.states.size(), PlacementMix{});
  std::vector<bool> given(scenario.states.size(), false);
  for (const auto& [key, value] : mixes.value().items()) {
    if (key == "note") continue;
    JsonNode node = mixes[key];
    int state = ids.resolve_state(JsonNode(json(key), node.path(), node.source()));
    PlacementMix mix;
    for (const auto& [type, share] : parse_shares(node, names, "placement type")) {
      mix.types.push_back(type);
      mix.shares.push_back(share);
    }
    mix.note = node.note();
    scenario.placement_mix[state] = std::move(mix);
    given[state] = true;
  }
  for (size_t s = 0; s < scenario.states.size(); ++s)
    if (!given[s]) mixes.fail("has no mix for state \"" + scenario.states[s].id + "\": every child in care has a placement");
}

}  // namespace

void read_placements(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
  if (root.has("placement_types")) parse_placements(root, scenario, ids);
  if (root.has("placement_mix") && !root.has("placement_types"))
    root["placement_mix"].fail("needs \"placement_types\" to say what each placement costs");
}

void read_costs(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
  CostSettings& costs = scenario.costs;
  costs.inflation_from = scenario.start_date;
  costs.discount_from = scenario.start_date;
  if (!root.has("costs")) return;
  JsonNode node = root["costs"];
  node.expect_object({"inflation_from", "discount_rate_per_year", "discount_from", "allowances", "budgets"});
  costs.note = node.note();
  if (node.has("inflation_from")) costs.inflation_from = parse_date(node["inflation_from"]);
  if (node.has("discount_rate_per_year")) {
    costs.discount_rate_per_year = node["discount_rate_per_year"].as_non_negative();
    if (costs.discount_rate_per_year > kMaxRatePerYear)
      node["discount_rate_per_year"].fail("must be at most 1 (100% a year), got " + describe(node["discount_rate_per_year"].value()));
  }
  if (node.has("discount_from")) costs.discount_from = parse_date(node["discount_from"]);
  if (node.has("allowances")) {
    JsonNode list = node["allowances"];
    list.expect_array();
    for (size_t i = 0; i < list.size(); ++i) {
      JsonNode item = list[i];
      item.expect_object({"id", "label", "exit", "weekly_cost", "years", "until_age_years", "inflation_per_year"});
      Allowance allowance;
      allowance.id = item["id"].as_id();
      for (const auto& type : scenario.placement_types)
        if (type.id == allowance.id) item["id"].fail("\"" + allowance.id + "\" is already a placement type");
      for (const auto& other : costs.allowances)
        if (other.id == allowance.id) item["id"].fail("duplicate allowance \"" + allowance.id + "\"");
      allowance.label = item.has("label") ? item["label"].as_string() : "";
      allowance.exit = ids.resolve_exit(item["exit"]);
      allowance.weekly_cost = parse_money(item["weekly_cost"]);
      allowance.years = item["years"].as_non_negative();
      if (item.has("until_age_years")) allowance.until_age_years = item["until_age_years"].as_positive();
      if (item.has("inflation_per_year")) allowance.inflation_per_year = parse_inflation(item["inflation_per_year"]);
      allowance.note = item.note();
      costs.allowances.push_back(std::move(allowance));
    }
  }
  if (node.has("budgets")) {
    JsonNode list = node["budgets"];
    list.expect_array();
    for (size_t i = 0; i < list.size(); ++i) {
      JsonNode item = list[i];
      item.expect_object({"financial_year", "amount"});
      std::string label = item["financial_year"].as_string();
      // "2021/22": the year from 1 April 2021 to 31 March 2022.
      int first = 0, second = -1;
      if (label.size() == 7 && label[4] == '/' && std::sscanf(label.c_str(), "%4d/%2d", &first, &second) == 2 &&
          (first + 1) % 100 == second) {
        if (first < kFirstYear || first >= kLastYear)
          item["financial_year"].fail("must be a financial year from " + financial_year_label(kFirstYear) + " to " +
                                      financial_year_label(kLastYear - 1) + ", the years caseflow supports, got " +
                                      describe(item["financial_year"].value()));
        costs.budgets.push_back({first, parse_money(item["amount"]), item.note()});
      } else {
        item["financial_year"].fail("must be a financial year such as \"2021/22\", got " + describe(item["financial_year"].value()));
      }
    }
  }
}

}  // namespace caseflow::detail
