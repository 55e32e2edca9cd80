#pragma once
// A scenario as plain data: what the JSON file says, validated, with ids resolved to indices.
// Parsing and validation live in scenario_json.hpp; the simulation reads only these structs.

#include <limits>
#include <map>
#include <string>
#include <vector>

#include "caseflow/base/calendar.hpp"

namespace caseflow {

// How uncertain an estimated parameter is, for runs that draw each replication's parameters
// (parameter_uncertainty.hpp). Exponential times and arrival rates: `events` and `exposure_days`, a
// Gamma(events) law on the rate with mean the rate given; Weibull times: standard errors of log shape
// and log scale and their correlation, a normal law on the log scale.
struct ParameterUncertainty {
  bool given = false;
  double events = 0;
  double exposure_days = 0;
  double log_shape_se = 0;
  double log_scale_se = 0;
  double correlation = 0;
};

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
  ParameterUncertainty uncertainty;  // transitions only
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
  // When the time fires, the child joins this pipeline (index into Scenario::pipelines) and makes the
  // move only when the pipeline is through; -1 for a direct move.
  int via_pipeline = -1;
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
  ParameterUncertainty uncertainty;
  std::string note;
};

struct InitialCohort {
  int state = 0;
  int count = 0;
  AgeDistribution ages;
  bool has_days_in_state = false;
  TimeDistribution days_in_state;  // time already spent in the state at the start
  // Children already in a pipeline at the start (applications filed): the transition they are waiting
  // on and the stage they are at; -1 when not.
  int pipeline_transition = -1;
  int pipeline_stage = -1;
  // Children placed in the foster pool's overflow state who would move to this state as soon as a
  // foster placement is free (residential children who could step down); -1 when not.
  int waiting_for_state = -1;
  std::string note;
};

// One step of a legal pipeline (legal services, then the court): each case takes a service time, and
// then waits for one of the stage's orders of the month. At most capacity_per_month cases leave the
// stage in each simulated month (start_date + k months to the next such date); the rest wait, first
// come first served.
struct PipelineStage {
  std::string id;
  std::string label;
  int capacity_per_month = 0;
  TimeDistribution service_time;
  std::string note;
};

struct Pipeline {
  std::string id;
  std::string label;
  std::vector<PipelineStage> stages;
  std::string note;
};

// A limited number of foster placements. Children in any of `states` each use one. A child who would
// enter one of them when none is free goes to `overflow_state` instead (residential care) and waits;
// when a placement frees up, the child who has waited longest steps down into the state it needed.
struct FosterPlacements {
  std::vector<int> states;
  int overflow_state = 0;
  int free_at_start = 0;          // placements free on the start date, beyond those in use
  double recruited_per_year = 0;  // net new placements a year, spread evenly (negative: more carers stop than join)
  std::string note;
};

// A comparator line: the number of children the council would have at a comparator's rate.
struct Comparator {
  std::string id;
  std::string label;
  double count = 0;
  std::string note;
};

// A change applied between two dates: the levers of a reduction strategy.
struct Intervention {
  enum class Kind { scale_rate, divert_arrivals, add_capacity, move_children };
  Kind kind = Kind::scale_rate;
  std::string label;
  Date start{};
  bool has_end = false;
  Date end{};  // exclusive
  // scale_rate: every transition from `from_state` to `to` has its hazard multiplied by `factor`.
  // move_children: on `start`, `count` children in `from_state` move to `to` (through the transition's
  // pipeline when it has one).
  int from_state = -1;
  Destination to;
  double factor = 1;
  int count = 0;
  // divert_arrivals: this share of the arrivals into `arrival_state` (-1: all) do not come into care.
  int arrival_state = -1;
  double share = 0;
  // add_capacity: extra orders a month at a pipeline stage, or foster placements (added on `start`,
  // taken away on `end`) and extra recruitment a year.
  int pipeline = -1;
  int stage = -1;
  bool foster = false;
  int extra_per_month = 0;
  int extra_placements = 0;
  double extra_recruited_per_year = 0;
  // Any type: what the intervention costs to run (a team's salaries), spread evenly over its window.
  double annual_cost = 0;
  std::string note;
};

// Where a child lives, and what a week of it costs.
struct PlacementType {
  std::string id;
  std::string label;
  double weekly_cost = 0;
  double inflation_per_year = 0;  // compounded continuously from CostSettings::inflation_from
  std::string note;
};

// The placement a child entering a state is given, as shares of placement types.
struct PlacementMix {
  std::vector<int> types;  // into Scenario::placement_types
  std::vector<double> shares;
  std::string note;
};

// A cost the council keeps paying after a child leaves care by an exit: a special guardianship or
// adoption allowance, support for a care leaver. Paid weekly for `years` after the exit, and not past
// the child's `until_age_years`.
struct Allowance {
  std::string id;
  std::string label;
  int exit = 0;
  double weekly_cost = 0;
  double years = 0;
  double until_age_years = std::numeric_limits<double>::infinity();
  double inflation_per_year = 0;
  std::string note;
};

// A budget line for one financial year (1 April to 31 March), e.g. 2021/22 has first_year 2021.
struct Budget {
  int first_year = 0;
  double amount = 0;
  std::string note;
};

struct CostSettings {
  Date inflation_from{};        // prices are those of this date; defaults to the start date
  double discount_rate_per_year = 0;
  Date discount_from{};         // costs are discounted back to this date; defaults to the start date
  std::vector<Allowance> allowances;
  std::vector<Budget> budgets;
  std::string note;
};

// A 90% range stated for a number of the scenario, beside it in the JSON ("per_year": 66,
// "per_year_range": [50, 85]): each replication draws the number from a law that puts 5% of its draws
// below `low` and 5% above `high` (parameter_ranges.hpp says which law for which number).
struct NumberRange {
  double low = 0;
  double high = 0;
  std::string note;
};

// How rates move from what the scenario states for them (drift.hpp): `level` multiplies them from the start
// (a rate estimated over past years may stand higher or lower today), then a trend changes them by
// `trend_per_year` a year (0.05: 5% a year, compounded continuously), and a multiplicative random walk,
// month by month, whose logarithm has standard deviation `volatility_per_year` after a year.
struct DriftProcess {
  double level = 1;
  double volatility_per_year = 0;
  double trend_per_year = 0;
};

struct DriftGroup {
  std::vector<int> from_states;    // the transitions it moves: from any of these states (empty: any)
  std::vector<Destination> to;     // to any of these (empty: any)
  DriftProcess process;
  std::string note;
};

struct Drift {
  bool has_arrivals = false;
  DriftProcess arrivals;                    // one walk for every arrival stream: a council's demand moves together
  std::string arrivals_note;
  std::vector<DriftGroup> transitions;      // each group its own walk
  std::string note;
};

// A count of children in care observed before the start date, drawn before the forecast.
struct HistoryPoint {
  Date date{};
  double in_care = 0;
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
  std::vector<Pipeline> pipelines;
  bool has_foster_placements = false;
  FosterPlacements foster_placements;
  std::vector<Intervention> interventions;
  std::vector<Comparator> comparators;
  std::vector<PlacementType> placement_types;
  std::vector<PlacementMix> placement_mix;  // by state; empty when there are no placement types
  CostSettings costs;
  // Parameter uncertainty stated by hand: 90% ranges by the JSON path of the number they qualify
  // ("/arrivals/0/per_year"), and how certain the placement mixes are (a Dirichlet law whose concentration
  // is as many children as the mix is as certain as having counted; 0: the mixes are known).
  std::map<std::string, NumberRange> ranges;
  double placement_mix_concentration = 0;
  std::string placement_mix_uncertainty_note;
  Drift drift;
  std::vector<HistoryPoint> history;  // in order of date, all before start_date

  // The id of a destination, whichever list it is in.
  const std::string& destination_id(Destination d) const {
    return d.kind == Destination::Kind::state ? states[d.index].id : exits[d.index].id;
  }
};

}  // namespace caseflow
