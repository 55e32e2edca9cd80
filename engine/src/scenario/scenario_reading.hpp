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
// Foster placements recruited a year, by the pool and every add_capacity on it together (England as a
// whole has some 40,000 fostering households). Each recruit is an event of the run, and adds one to a count.
inline constexpr double kMaxRecruitedPerYear = 100'000;
// The years a date may fall in. Outputs run at most 100 years past the start date (kMaxHorizonMonths), so
// every date written keeps four digits, and the calendar's arithmetic stays far from its limits.
inline constexpr int kFirstYear = 1900;
inline constexpr int kLastYear = 2399;
// The most any amount of money may be, in pounds (a weekly cost, a running cost, a budget): far above any
// council's or England's spending, it keeps every sum of costs over a run finite.
inline constexpr double kMaxMoney = 1e12;
// The highest yearly rate of inflation or discounting (100% a year), so that growth over a century of
// forecast stays finite.
inline constexpr double kMaxRatePerYear = 1;

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
// A date YYYY-MM-DD from kFirstYear to kLastYear.
Date parse_date(const JsonNode& node);
// An amount of money in pounds, from 0 to kMaxMoney.
double parse_money(const JsonNode& node);
// A yearly rate of inflation: above -1 (prices cannot fall by all they are worth) and at most kMaxRatePerYear.
double parse_inflation(const JsonNode& node);

}  // namespace caseflow::detail
