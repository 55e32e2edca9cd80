#pragma once
// What the readers of a scenario's parts share (private to engine/src/scenario): the limits a scenario's
// values must keep, the table that resolves state and exit ids, and the pieces that several parts contain
// (waiting-time distributions, age bands, dates). scenario_parts.hpp declares the readers themselves.

#include <map>
#include <string>

#include "caseflow/base/json_reader.hpp"
#include "caseflow/scenario/scenario.hpp"

namespace caseflow::detail {

inline constexpr const char* kScenarioFormat = "caseflow-scenario/1";

// Bounds that keep a typo from asking for centuries or millions of children; each message says
// which limit was hit and why. They are far above any real council (or England: 83,000 children in care,
// 33,000 arrivals a year) and keep counts within an int. What a whole run may cost (replications x
// horizon, arrivals x horizon) is limited separately, with limits a user can raise (run_limits.hpp).
inline constexpr long long kMaxHorizonMonths = 1200;
inline constexpr long long kMaxCohortCount = 10'000'000;
inline constexpr double kMaxArrivalsPerYear = 10'000'000;
inline constexpr int kMaxAgeYears = 150;
inline constexpr double kMaxGammaShape = 1000;

// The name of a distribution in scenario JSON ("weibull").
std::string distribution_name(TimeDistribution::Kind kind);

// Resolves ids to indices and remembers which list each id is in.
class IdTable {
 public:
  void add(const JsonNode& where, const std::string& id, Destination destination);
  Destination resolve(const JsonNode& where) const;
  int resolve_state(const JsonNode& where) const;
  int resolve_exit(const JsonNode& where) const;

 private:
  std::map<std::string, Destination> ids_;
  std::vector<std::string> names_;
};

// Pipeline ids to their index in Scenario::pipelines.
using PipelineIndex = std::map<std::string, int>;

// A waiting time {"dist": ..., ...}. `allow_uniform` for days_in_state (a time already spent), which may
// also be a fixed zero; a transition's time may not, so no loop of fixed-zero times can spin forever.
TimeDistribution parse_time(const JsonNode& node, bool allow_uniform);
// Age bands and their shares, {"0": 0.4, "1-4": 0.6}; checked against the scenario's age_out.
AgeDistribution parse_ages(const JsonNode& node, const Scenario& scenario);
Date parse_date(const JsonNode& node);

}  // namespace caseflow::detail
