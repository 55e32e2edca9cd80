#pragma once
// A scenario as plain data: what the JSON file says, validated, with ids resolved to indices.
// Parsing and validation live in scenario_json.hpp; the simulation reads only these structs.

#include <limits>
#include <string>
#include <vector>

#include "caseflow/calendar.hpp"

namespace caseflow {

// A waiting time in days. Which fields matter depends on `kind`, mirroring the JSON keys:
// exponential: mean_days; weibull and gamma: shape, scale_days; lognormal: meanlog, sdlog (of days);
// fixed: days; uniform (only for days_in_state): min_days, max_days.
struct TimeDistribution {
  enum class Kind { exponential, weibull, lognormal, gamma, fixed, uniform };
  Kind kind = Kind::exponential;
  double mean_days = 0;
  double shape = 0;
  double scale_days = 0;
  double meanlog = 0;
  double sdlog = 0;
  double days = 0;
  double min_days = 0;
  double max_days = 0;
  std::string note;
};

struct StateDefinition {
  std::string id;
  std::string label;
  std::string note;
};

struct ExitDefinition {
  std::string id;
  std::string label;
  std::string note;
};

// Where a transition leads: a care state or an exit from care.
struct Destination {
  enum class Kind { state, exit };
  Kind kind = Kind::state;
  int index = 0;  // into Scenario::states or Scenario::exits
  bool operator==(const Destination&) const = default;
};

struct Transition {
  int from_state = 0;
  Destination to;
  TimeDistribution time;
  // The hazard is zero outside [min_age_years, max_age_years).
  double min_age_years = 0;
  double max_age_years = std::numeric_limits<double>::infinity();
  bool has_age_limits = false;  // whether "ages" was given (kept for faithful round trips)
  std::string note;
};

// Whole-year age band [min_years, end_years): "0" is [0, 1), "1-4" is [1, 5).
struct AgeBand {
  int min_years = 0;
  int end_years = 1;
  double share = 0;
};

struct AgeDistribution {
  std::vector<AgeBand> bands;
  std::string note;
};

struct AgeOut {
  double age_years = 18;
  int exit = 0;
  std::string note;
};

struct ArrivalStream {
  int state = 0;
  double per_year = 0;
  AgeDistribution ages;
  std::string note;
};

struct InitialCohort {
  int state = 0;
  int count = 0;
  AgeDistribution ages;
  bool has_days_in_state = false;
  TimeDistribution days_in_state;  // time already spent in the state at the start
  std::string note;
};

// A level to set the forecast against, such as the number in care at the regional rate per 10,000
// children. Reports draw it; the simulation ignores it.
struct Comparator {
  std::string label;
  double children_in_care = 0;
  std::string note;
};

struct Scenario {
  std::string name;
  std::string note;
  Date start_date{};
  int horizon_months = 0;
  std::vector<StateDefinition> states;
  std::vector<ExitDefinition> exits;
  std::vector<Transition> transitions;
  bool has_age_out = false;
  AgeOut age_out;
  std::vector<ArrivalStream> arrivals;
  std::vector<InitialCohort> initial_population;
  std::vector<Comparator> comparators;

  // The id of a destination, whichever list it is in.
  const std::string& destination_id(Destination d) const {
    return d.kind == Destination::Kind::state ? states[d.index].id : exits[d.index].id;
  }
};

}  // namespace caseflow
