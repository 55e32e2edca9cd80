// The pieces that several parts of a scenario share, read from JSON: waiting-time distributions, age bands
// and dates, and the table of state and exit ids that every reference is resolved against. Kept apart
// from the parts themselves so each part's reader stays short and says only what is particular to it.

#include "scenario_reading.hpp"

#include <cmath>
#include <sstream>

#include <nlohmann/json.hpp>

#include "uncertainty_json.hpp"

namespace caseflow::detail {

using nlohmann::json;

namespace {

const std::map<std::string, TimeDistribution::Kind> kDistributionNames = {
    {"exponential", TimeDistribution::Kind::exponential}, {"weibull", TimeDistribution::Kind::weibull},
    {"lognormal", TimeDistribution::Kind::lognormal},     {"gamma", TimeDistribution::Kind::gamma},
    {"fixed", TimeDistribution::Kind::fixed},             {"uniform", TimeDistribution::Kind::uniform},
};

}  // namespace

std::string distribution_name(TimeDistribution::Kind kind) {
  for (const auto& [name, k] : kDistributionNames)
    if (k == kind) return name;
  return "?";
}

void IdTable::add(const JsonNode& where, const std::string& id, Destination destination) {
  if (id == "in_care" || id == "arrival" || id == "diverted")
    where.fail("\"" + id + "\" is reserved (the outputs use it for all children in care, arrivals, and diverted arrivals)");
  if (ids_.count(id)) where.fail("duplicate id \"" + id + "\" (ids are unique across states and exits)");
  ids_[id] = destination;
  names_.push_back(id);
}

Destination IdTable::resolve(const JsonNode& where) const {
  std::string id = where.as_string();
  auto found = ids_.find(id);
  if (found == ids_.end()) {
    std::string message = "unknown state or exit \"" + id + "\"";
    std::string suggestion = closest_match(id, names_);
    if (!suggestion.empty()) message += "; did you mean \"" + suggestion + "\"?";
    where.fail(message);
  }
  return found->second;
}

int IdTable::resolve_state(const JsonNode& where) const {
  Destination d = resolve(where);
  if (d.kind != Destination::Kind::state) where.fail("\"" + where.as_string() + "\" is an exit, but a state is needed here");
  return d.index;
}

int IdTable::resolve_exit(const JsonNode& where) const {
  Destination d = resolve(where);
  if (d.kind != Destination::Kind::exit) where.fail("\"" + where.as_string() + "\" is a state, but an exit is needed here");
  return d.index;
}

TimeDistribution parse_time(const JsonNode& node, bool allow_uniform) {
  if (!node.value().is_object()) node.fail("must be an object with \"dist\", got " + describe(node.value()));
  std::string name = node["dist"].as_string();
  auto found = kDistributionNames.find(name);
  if (found == kDistributionNames.end() || (!allow_uniform && found->second == TimeDistribution::Kind::uniform)) {
    std::vector<std::string> names;
    for (const auto& [n, kind] : kDistributionNames)
      if (allow_uniform || kind != TimeDistribution::Kind::uniform) names.push_back(n);
    std::string message = "unknown distribution \"" + name + "\"";
    std::string suggestion = closest_match(name, names);
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
  if (node.has("uncertainty")) time.uncertainty = parse_time_uncertainty(node, time.kind, !allow_uniform);
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
                           describe(node["shape"].value()) + " (the time is then practically constant: use "
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
        node["max_days"].fail("must be >= min_days (" + describe(node["min_days"].value()) + "), got " +
                              describe(node["max_days"].value()));
      break;
  }
  return time;
}

namespace {

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

}  // namespace

AgeDistribution parse_ages(const JsonNode& node, const Scenario& scenario) {
  if (!node.value().is_object() || node.value().empty())
    node.fail("must be an object of age bands and shares such as {\"0\": 0.4, \"1-4\": 0.6}, got " +
              describe(node.value()));
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
      share_node.fail("age band \"" + key + "\" reaches the age_out age " + describe(json(scenario.age_out.age_years)) +
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
  if (!parsed) node.fail("must be a date YYYY-MM-DD, got " + describe(node.value()));
  const int year = static_cast<int>(std::chrono::year_month_day{*parsed}.year());
  if (year < kFirstYear || year > kLastYear)
    node.fail("must be a date from " + std::to_string(kFirstYear) + "-01-01 to " + std::to_string(kLastYear) +
              "-12-31, the dates caseflow supports, got " + describe(node.value()));
  return *parsed;
}

double parse_money(const JsonNode& node) {
  double amount = node.as_non_negative();
  if (amount > kMaxMoney)
    node.fail("must be at most 1000000000000 pounds (a million million, the most any amount may be), got " +
              describe(node.value()));
  return amount;
}

double parse_inflation(const JsonNode& node) {
  double rate = node.as_number();
  if (rate <= -1) node.fail("must be greater than -1");
  if (rate > kMaxRatePerYear) node.fail("must be at most 1 (100% a year), got " + describe(node.value()));
  return rate;
}

}  // namespace caseflow::detail
