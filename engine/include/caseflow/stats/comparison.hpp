#pragma once
// A strategy against its base, replication by replication. Both runs use the same seed, so replication
// r of each saw the same children with the same random numbers (common random numbers): the paired
// difference isolates the strategy's effect from chance, and its band is far narrower than the
// difference of two independent bands.

#include <string>
#include <vector>

#include "caseflow/scenario/scenario.hpp"
#include "caseflow/sim/run_results.hpp"

namespace caseflow {

struct DifferenceSummary {
  double mean = 0, p05 = 0, p50 = 0, p95 = 0;
};

struct StrategyComparison {
  std::vector<Date> dates;                  // the snapshot dates
  std::vector<double> base_in_care;         // mean children in care, by snapshot
  std::vector<double> strategy_in_care;
  std::vector<DifferenceSummary> in_care_difference;  // strategy - base, by snapshot
  DifferenceSummary child_days_avoided;     // base - strategy, over the whole horizon

  struct Route {
    std::string route;  // an exit id, or "diverted" for arrivals kept out of care
    double base_mean = 0, strategy_mean = 0;
    DifferenceSummary difference;  // strategy - base, over the whole horizon
  };
  std::vector<Route> routes;

  struct ComparatorChance {
    Date date;               // each 12 months from the start
    std::string comparator;  // comparator id
    double count = 0;
    double base_probability = 0;      // P(children in care <= count)
    double strategy_probability = 0;
  };
  std::vector<ComparatorChance> comparators;

  struct Saving {
    std::string financial_year;               // "2021/22", or "all" for the whole forecast
    double base_cost = 0, strategy_cost = 0;  // means, all categories (the strategy's running costs included)
    DifferenceSummary net_saving;             // base - strategy, per replication
    double chance_of_saving = 0;              // the share of replications whose net saving is above zero
  };
  std::vector<Saving> savings;  // by financial year; empty when the runs have no costs
  // Every financial year at once ("all"): each replication's years added up, so its band and chance are those
  // of the whole forecast's saving, not sums of the years' bands. Meaningful only when `savings` is not empty.
  Saving all_years;
};

// A strategy's comparison with the names it is shown under.
struct NamedComparison {
  std::string strategy;  // the strategy's id (its file name without .json)
  std::string name;      // the scenario's name, for people
  StrategyComparison comparison;
};

// The strategies ranked by their effect on the number of children in care on the forecast's last day
// (strategy minus base, the average over paired simulations): the largest fall first. Equal changes put more
// child-days avoided first, then keep the order given. The report and the workbook show them in this order.
std::vector<NamedComparison> ranked_by_effect(const std::vector<NamedComparison>& comparisons);

// Whether `strategy` can be set against `base`: the same states in the same order, the same start date and
// the same horizon, so that both runs have the same stock columns, snapshot dates and financial years. Meant
// to be called before anything is simulated. Throws InputError naming `strategy_file` and the JSON path of
// the first difference; `base_file` names the base in the message (none when empty).
void check_strategy_matches_base(const Scenario& base, const std::string& base_file, const Scenario& strategy,
                                 const std::string& strategy_file);

// Both runs must come from scenarios with the same states, dates and replications (checked: throws
// std::invalid_argument otherwise; check_strategy_matches_base says so before the runs, with the place).
StrategyComparison compare_runs(const RunResults& base, const RunResults& strategy, const std::vector<Comparator>& comparators);

}  // namespace caseflow
