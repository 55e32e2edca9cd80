#include "caseflow/scenario/scenario_json.hpp"

#include "caseflow/base/financial_year.hpp"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "caseflow/base/json_reader.hpp"
#include "caseflow/base/json_text.hpp"
#include "uncertainty_json.hpp"

namespace caseflow {

using nlohmann::json;
using detail::JsonNode;

namespace {

constexpr const char* kFormat = "caseflow-scenario/1";
// Bounds that keep a typo from asking for centuries or millions of children; each message says
// which limit was hit and why. They are far above any real council (or England: 83,000 children in care,
// 33,000 arrivals a year) and keep counts within an int. What a whole run may cost (replications x
// horizon, arrivals x horizon) is limited separately, with limits a user can raise (run_limits.hpp).
constexpr long long kMaxHorizonMonths = 1200;
constexpr long long kMaxCohortCount = 10'000'000;
constexpr double kMaxArrivalsPerYear = 10'000'000;
constexpr int kMaxAgeYears = 150;
constexpr double kMaxGammaShape = 1000;

const std::map<std::string, TimeDistribution::Kind> kDistributionNames = {
    {"exponential", TimeDistribution::Kind::exponential}, {"weibull", TimeDistribution::Kind::weibull},
    {"lognormal", TimeDistribution::Kind::lognormal},     {"gamma", TimeDistribution::Kind::gamma},
    {"fixed", TimeDistribution::Kind::fixed},             {"uniform", TimeDistribution::Kind::uniform},
};

std::string distribution_name(TimeDistribution::Kind kind) {
  for (const auto& [name, k] : kDistributionNames)
    if (k == kind) return name;
  return "?";
}

// Resolves ids to indices and remembers which list each id is in.
class IdTable {
 public:
  void add(const JsonNode& where, const std::string& id, Destination destination) {
    if (id == "in_care" || id == "arrival" || id == "diverted")
      where.fail("\"" + id + "\" is reserved (the outputs use it for all children in care, arrivals, and diverted arrivals)");
    if (ids_.count(id)) where.fail("duplicate id \"" + id + "\" (ids are unique across states and exits)");
    ids_[id] = destination;
    names_.push_back(id);
  }
  Destination resolve(const JsonNode& where) const {
    std::string id = where.as_string();
    auto found = ids_.find(id);
    if (found == ids_.end()) {
      std::string message = "unknown state or exit \"" + id + "\"";
      std::string suggestion = detail::closest_match(id, names_);
      if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
      where.fail(message);
    }
    return found->second;
  }
  int resolve_state(const JsonNode& where) const {
    Destination d = resolve(where);
    if (d.kind != Destination::Kind::state) where.fail("\"" + where.as_string() + "\" is an exit, but a state is needed here");
    return d.index;
  }
  int resolve_exit(const JsonNode& where) const {
    Destination d = resolve(where);
    if (d.kind != Destination::Kind::exit) where.fail("\"" + where.as_string() + "\" is a state, but an exit is needed here");
    return d.index;
  }

 private:
  std::map<std::string, Destination> ids_;
  std::vector<std::string> names_;
};

TimeDistribution parse_time(const JsonNode& node, bool allow_uniform) {
  if (!node.value().is_object()) node.fail("must be an object with \"dist\", got " + detail::describe(node.value()));
  std::string name = node["dist"].as_string();
  auto found = kDistributionNames.find(name);
  if (found == kDistributionNames.end() || (!allow_uniform && found->second == TimeDistribution::Kind::uniform)) {
    std::vector<std::string> names;
    for (const auto& [n, kind] : kDistributionNames)
      if (allow_uniform || kind != TimeDistribution::Kind::uniform) names.push_back(n);
    std::string message = "unknown distribution \"" + name + "\"";
    std::string suggestion = detail::closest_match(name, names);
    if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
    else {
      message += "; expected one of";
      for (size_t i = 0; i < names.size(); ++i) message += (i ? ", " : " ") + names[i];
    }
    node["dist"].fail(message);
  }
  TimeDistribution time;
  time.kind = found->second;
  time.note = node.note();
  if (node.has("uncertainty")) time.uncertainty = detail::parse_time_uncertainty(node, time.kind, !allow_uniform);
  switch (time.kind) {
    case TimeDistribution::Kind::exponential:
      node.expect_object({"dist", "mean_days", "uncertainty"});
      time.mean_days = node["mean_days"].as_positive();
      break;
    case TimeDistribution::Kind::weibull:
    case TimeDistribution::Kind::gamma:
      node.expect_object({"dist", "shape", "scale_days", "uncertainty"});
      time.shape = node["shape"].as_positive();
      time.scale_days = node["scale_days"].as_positive();
      // Beyond this Boost's incomplete gamma function gives up on some times; such a time is fixed in all
      // but name (a coefficient of variation under 3%).
      if (time.kind == TimeDistribution::Kind::gamma && time.shape > kMaxGammaShape)
        node["shape"].fail("must be at most " + std::to_string(static_cast<int>(kMaxGammaShape)) + ", got " +
                           detail::describe(node["shape"].value()) + " (the time is then practically constant: use "
                           "{\"dist\": \"fixed\", \"days\": ...})");
      break;
    case TimeDistribution::Kind::lognormal:
      node.expect_object({"dist", "meanlog", "sdlog"});
      time.meanlog = node["meanlog"].as_number();
      time.sdlog = node["sdlog"].as_positive();
      break;
    case TimeDistribution::Kind::fixed:
      node.expect_object({"dist", "days"});
      // A transition must take some time, or two fixed-zero transitions could loop forever.
      time.days = allow_uniform ? node["days"].as_non_negative() : node["days"].as_positive();
      break;
    case TimeDistribution::Kind::uniform:
      node.expect_object({"dist", "min_days", "max_days"});
      time.min_days = node["min_days"].as_non_negative();
      time.max_days = node["max_days"].as_non_negative();
      if (time.max_days < time.min_days)
        node["max_days"].fail("must be >= min_days (" + detail::describe(node["min_days"].value()) + "), got " +
                              detail::describe(node["max_days"].value()));
      break;
  }
  return time;
}

// Parses "7" or "1-4" into a whole-year band.
AgeBand parse_age_band_key(const JsonNode& where, const std::string& key) {
  auto parse_int = [&](const std::string& text) {
    if (text.empty() || text.size() > 3 || text.find_first_not_of("0123456789") != std::string::npos)
      where.fail("age band \"" + key + "\" must be a whole age (\"5\") or a range of whole ages (\"1-4\")");
    return std::stoi(text);
  };
  AgeBand band;
  size_t dash = key.find('-');
  band.min_years = parse_int(key.substr(0, dash));
  int last = dash == std::string::npos ? band.min_years : parse_int(key.substr(dash + 1));
  if (last < band.min_years) where.fail("age band \"" + key + "\" runs backwards");
  if (last >= kMaxAgeYears) where.fail("age band \"" + key + "\" is beyond " + std::to_string(kMaxAgeYears) + " years");
  band.end_years = last + 1;
  return band;
}

AgeDistribution parse_ages(const JsonNode& node, const Scenario& scenario) {
  if (!node.value().is_object() || node.value().empty())
    node.fail("must be an object of age bands and shares such as {\"0\": 0.4, \"1-4\": 0.6}, got " +
              detail::describe(node.value()));
  AgeDistribution ages;
  double total = 0;
  for (const auto& [key, value] : node.value().items()) {
    if (key == "note") {
      ages.note = node.note();
      continue;
    }
    JsonNode share_node = node[key];
    AgeBand band = parse_age_band_key(share_node, key);
    band.share = share_node.as_non_negative();
    if (scenario.has_age_out && band.end_years > scenario.age_out.age_years)
      share_node.fail("age band \"" + key + "\" reaches the age_out age " + detail::describe(json(scenario.age_out.age_years)) +
                      ", at which children have already left care");
    for (const auto& other : ages.bands)
      if (band.min_years < other.end_years && other.min_years < band.end_years)
        share_node.fail("age band \"" + key + "\" overlaps another band");
    total += band.share;
    ages.bands.push_back(band);
  }
  if (ages.bands.empty()) node.fail("must have at least one age band");
  if (std::abs(total - 1.0) > 0.001) {
    std::ostringstream message;
    message << "age band shares must sum to 1 (within 0.001), got " << total;
    node.fail(message.str());
  }
  return ages;
}

Date parse_date(const JsonNode& node) {
  auto parsed = parse_iso_date(node.as_string());
  if (!parsed) node.fail("must be a date YYYY-MM-DD, got " + detail::describe(node.value()));
  return *parsed;
}

int resolve_stage(const Pipeline& pipeline, const JsonNode& node) {
  std::string id = node.as_string();
  std::vector<std::string> names;
  for (size_t s = 0; s < pipeline.stages.size(); ++s) {
    if (pipeline.stages[s].id == id) return static_cast<int>(s);
    names.push_back(pipeline.stages[s].id);
  }
  std::string message = "pipeline \"" + pipeline.id + "\" has no stage \"" + id + "\"";
  std::string suggestion = detail::closest_match(id, names);
  if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
  node.fail(message);
}

std::vector<Pipeline> parse_pipelines(const JsonNode& list, std::map<std::string, int>& index) {
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

Intervention parse_intervention(const JsonNode& node, const Scenario& scenario, const IdTable& ids,
                                const std::map<std::string, int>& pipeline_index) {
  if (!node.value().is_object()) node.fail("must be an object with \"type\", got " + detail::describe(node.value()));
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
    std::string suggestion = detail::closest_match(type, names);
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
      if (intervention.share > 1) node["share"].fail("must be between 0 and 1, got " + detail::describe(node["share"].value()));
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
          resource.fail("must be \"foster_placements\" or \"PIPELINE/STAGE\" naming a pipeline stage, got " + detail::describe(resource.value()));
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
  if (node.has("annual_cost")) intervention.annual_cost = node["annual_cost"].as_non_negative();
  return intervention;
}

// Shares that must sum to 1 (within 0.001), keyed by ids from `names`; returns (index, share) pairs.
std::vector<std::pair<int, double>> parse_shares(const JsonNode& node, const std::vector<std::string>& names,
                                                 const std::string& what) {
  if (!node.value().is_object() || node.value().empty())
    node.fail("must be an object of " + what + " ids and shares, got " + detail::describe(node.value()));
  std::vector<std::pair<int, double>> shares;
  double total = 0;
  for (const auto& [key, value] : node.value().items()) {
    if (key == "note") continue;
    JsonNode share = node[key];
    auto found = std::find(names.begin(), names.end(), key);
    if (found == names.end()) {
      std::string message = "unknown " + what + " \"" + key + "\"";
      std::string suggestion = detail::closest_match(key, names);
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
    type.weekly_cost = node["weekly_cost"].as_non_negative();
    if (node.has("inflation_per_year")) type.inflation_per_year = node["inflation_per_year"].as_number();
    if (type.inflation_per_year <= -1) node["inflation_per_year"].fail("must be greater than -1");
    type.note = node.note();
    names.push_back(type.id);
    scenario.placement_types.push_back(std::move(type));
  }
  JsonNode mixes = root["placement_mix"];
  if (!mixes.value().is_object()) mixes.fail("must be an object with a mix for each state, got " + detail::describe(mixes.value()));
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

void parse_costs(const JsonNode& root, Scenario& scenario, const IdTable& ids) {
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
      allowance.weekly_cost = item["weekly_cost"].as_non_negative();
      allowance.years = item["years"].as_non_negative();
      if (item.has("until_age_years")) allowance.until_age_years = item["until_age_years"].as_positive();
      if (item.has("inflation_per_year")) allowance.inflation_per_year = item["inflation_per_year"].as_number();
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
        costs.budgets.push_back({first, item["amount"].as_non_negative(), item.note()});
      } else {
        item["financial_year"].fail("must be a financial year such as \"2021/22\", got " + detail::describe(item["financial_year"].value()));
      }
    }
  }
}

}  // namespace

Scenario scenario_from_json(const json& document, const std::string& source) {
  JsonNode root(document, "", source);
  if (root.has("base"))
    root["base"].fail("names another scenario file, which needs the folder to look in: load the scenario from its file");
  root.expect_object({"format", "name", "start_date", "horizon_months", "states", "exits", "transitions", "age_out",
                      "arrivals", "initial_population", "pipelines", "foster_placements", "interventions",
                      "comparators", "placement_types", "placement_mix", "costs"});
  Scenario scenario;
  if (std::string format = root["format"].as_string(); format != kFormat)
    root["format"].fail(std::string("must be \"") + kFormat + "\", got " + detail::describe(document["format"]));
  scenario.name = root["name"].as_string();
  scenario.note = root.note();
  {
    JsonNode date = root["start_date"];
    auto parsed = parse_iso_date(date.as_string());
    if (!parsed) date.fail("must be a date YYYY-MM-DD, got " + detail::describe(date.value()));
    scenario.start_date = *parsed;
  }
  scenario.horizon_months = static_cast<int>(root["horizon_months"].as_integer(
      0, kMaxHorizonMonths, "1200 months is 100 years, far beyond any useful forecast of children in care; "
                            "the limit cannot be raised"));

  IdTable ids;
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

  if (root.has("age_out")) {
    JsonNode node = root["age_out"];
    node.expect_object({"age_years", "exit"});
    scenario.has_age_out = true;
    scenario.age_out.age_years = node["age_years"].as_positive();
    if (scenario.age_out.age_years > kMaxAgeYears)
      node["age_years"].fail("must be at most " + std::to_string(kMaxAgeYears) + ", got " +
                             detail::describe(node["age_years"].value()));
    scenario.age_out.exit = ids.resolve_exit(node["exit"]);
    scenario.age_out.note = node.note();
  }

  std::map<std::string, int> pipeline_index;
  if (root.has("pipelines")) scenario.pipelines = parse_pipelines(root["pipelines"], pipeline_index);
  auto resolve_pipeline = [&](const JsonNode& node) {
    std::string id = node.as_string();
    auto found = pipeline_index.find(id);
    if (found == pipeline_index.end()) {
      std::vector<std::string> names;
      for (const auto& [name, index] : pipeline_index) names.push_back(name);
      std::string message = "unknown pipeline \"" + id + "\"";
      std::string suggestion = detail::closest_match(id, names);
      if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
      node.fail(message);
    }
    return found->second;
  };

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
        if (ages.size() != 2) ages.fail("must be [min, max) in years, got " + detail::describe(ages.value()));
        transition.has_age_limits = true;
        transition.min_age_years = ages[0].as_non_negative();
        transition.max_age_years = ages[1].as_non_negative();
        if (transition.max_age_years > kMaxAgeYears)
          ages[1].fail("must be at most " + std::to_string(kMaxAgeYears) + " years, got " + detail::describe(ages[1].value()) +
                       " (for no upper age limit, use " + std::to_string(kMaxAgeYears) + ")");
        if (transition.max_age_years <= transition.min_age_years)
          ages[1].fail("must be greater than the minimum age " + detail::describe(ages[0].value()) + ", got " +
                       detail::describe(ages[1].value()));
      }
      if (node.has("via")) transition.via_pipeline = resolve_pipeline(node["via"]);
      transition.note = node.note();
      scenario.transitions.push_back(std::move(transition));
    }
  }

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
      if (node.has("uncertainty")) stream.uncertainty = detail::parse_rate_uncertainty(node["uncertainty"]);
      stream.note = node.note();
      scenario.arrivals.push_back(std::move(stream));
    }
  }

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
    if (node.has("recruited_per_year")) pool.recruited_per_year = node["recruited_per_year"].as_non_negative();
    pool.note = node.note();
  }

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
        int pipeline = resolve_pipeline(place["via"]);
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

  if (root.has("placement_types")) parse_placements(root, scenario, ids);
  if (root.has("placement_mix") && !root.has("placement_types"))
    root["placement_mix"].fail("needs \"placement_types\" to say what each placement costs");
  parse_costs(root, scenario, ids);

  if (root.has("interventions")) {
    JsonNode interventions = root["interventions"];
    interventions.expect_array();
    for (size_t i = 0; i < interventions.size(); ++i)
      scenario.interventions.push_back(parse_intervention(interventions[i], scenario, ids, pipeline_index));
  }

  if (root.has("comparators")) {
    JsonNode comparators = root["comparators"];
    comparators.expect_array();
    for (size_t i = 0; i < comparators.size(); ++i) {
      JsonNode node = comparators[i];
      node.expect_object({"id", "label", "count"});
      Comparator comparator{node["id"].as_id(), node.has("label") ? node["label"].as_string() : "",
                            node["count"].as_non_negative(), node.note()};
      for (const auto& other : scenario.comparators)
        if (other.id == comparator.id) node["id"].fail("duplicate comparator id \"" + comparator.id + "\"");
      scenario.comparators.push_back(std::move(comparator));
    }
  }
  return scenario;
}

namespace {

json read_json_file(const std::filesystem::path& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw InputError(path.string(), "", "cannot open the scenario file");
  std::ostringstream text;
  text << file.rdbuf();
  return detail::parse_json_text(text.str(), path.string());
}

// Scenario inheritance: {"base": "other.json", ...overrides}. The overrides are a JSON merge patch
// (RFC 7386) on the base: objects merge key by key, anything else (arrays included) replaces, and null
// deletes. Bases may have bases; the chain is followed to a depth of 16 (a loop is reported).
json resolve_base(json document, const std::filesystem::path& directory, const std::string& source, int depth) {
  if (!document.is_object() || !document.contains("base")) return document;
  JsonNode base_node(document["base"], "/base", source);
  std::filesystem::path base_path = directory / base_node.as_string();
  if (depth >= 16) base_node.fail("more than 16 levels of \"base\": is there a loop?");
  std::error_code error;
  if (!std::filesystem::is_regular_file(base_path, error)) base_node.fail("cannot open the base scenario " + base_path.string());
  json base = resolve_base(read_json_file(base_path), base_path.parent_path(), base_path.string(), depth + 1);
  document.erase("base");
  base.merge_patch(document);
  return base;
}

}  // namespace

Scenario scenario_from_json(const json& document, const std::string& source, const std::filesystem::path& base_directory) {
  if (document.is_object() && document.contains("base"))
    return scenario_from_json(resolve_base(document, base_directory, source, 0), source);
  return scenario_from_json(document, source);
}

Scenario scenario_from_text(const std::string& text, const std::string& source) {
  return scenario_from_json(detail::parse_json_text(text, source), source, std::filesystem::current_path());
}

Scenario load_scenario(const std::filesystem::path& path) {
  return scenario_from_json(read_json_file(path), path.string(), path.parent_path());
}

namespace {

json with_note(json object, const std::string& note) {
  if (!note.empty()) object["note"] = note;
  return object;
}

json time_to_json(const TimeDistribution& time) {
  json out{{"dist", distribution_name(time.kind)}};
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
  json out{{"format", kFormat},
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
  return out;
}

}  // namespace caseflow
