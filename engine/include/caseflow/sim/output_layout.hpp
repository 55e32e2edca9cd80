#pragma once
// What a replication records and in which order: the snapshot dates, the stock columns (every state,
// then "in_care") and the flow keys (from, to). Shared by the recorder, the summary and the writers,
// so a cell index means the same thing everywhere.

#include <cstddef>
#include <string>
#include <vector>

#include "caseflow/base/calendar.hpp"
#include "caseflow/scenario/scenario.hpp"

namespace caseflow {

struct FlowKey {
  std::string from;  // a state id, or "arrival"
  std::string to;    // a state id, an exit id, or "diverted" (arrivals kept out of care by an intervention)
};

// A calendar month of the cost outputs, clipped to the simulated period: finance thinks in calendar
// months and financial years (1 April to 31 March), which the snapshot months need not align with.
struct CostPeriod {
  std::string label;   // "2020-11"
  double start = 0;    // clock days
  double end = 0;
  size_t financial_year = 0;  // index into OutputLayout::financial_years
};

struct FinancialYear {
  int first_year = 0;  // 2021 for 2021/22
  std::string label;   // "2021/22"
};

struct OutputLayout {
  std::vector<Date> snapshot_dates;     // start_date + k months, k = 0..horizon_months
  std::vector<double> snapshot_times;   // the same, in days since the start
  std::vector<std::string> stock_columns;  // state ids, then "in_care"
  std::vector<FlowKey> flows;           // every movement the scenario can make, in a fixed order
  int diverted_flow = -1;               // the ("arrival", "diverted") key, when the scenario diverts arrivals

  // Costs: by calendar month and category (placement types, then allowances, then "running_costs").
  std::vector<CostPeriod> cost_periods;
  std::vector<FinancialYear> financial_years;
  std::vector<std::string> cost_categories;
  size_t placement_categories = 0;  // the first ones are the placement types

  // Children in care by age band at each snapshot, by whole years of age on the day: "0", "1-4", "5-9",
  // "10-15", "16-17", then "18+" (empty unless the scenario lets children stay in care past 18).
  std::vector<std::string> age_bands;
  std::vector<int> age_band_starts;  // the youngest age of each band, in years: 0, 1, 5, 10, 16, 18
  size_t running_cost_category() const { return cost_categories.size() - 1; }

  static OutputLayout for_scenario(const Scenario& scenario);

  // The key of a movement from a state (or kArrival) to a destination; -1 if the scenario cannot make it.
  static constexpr int kArrival = -1;
  int flow_key(int from_state, Destination to) const {
    size_t column = to.kind == Destination::Kind::state ? static_cast<size_t>(to.index) : states_ + static_cast<size_t>(to.index);
    return flow_table_[static_cast<size_t>(from_state + 1) * (states_ + exits_) + column];
  }

  size_t snapshots() const { return snapshot_dates.size(); }
  size_t months() const { return snapshot_dates.size() - 1; }
  size_t stock_cells() const { return snapshots() * stock_columns.size(); }
  size_t flow_cells() const { return months() * flows.size(); }
  size_t day_cells() const { return months() * stock_columns.size(); }  // child-days by month and column
  size_t stock_cell(size_t snapshot, size_t column) const { return snapshot * stock_columns.size() + column; }
  size_t flow_cell(size_t month, size_t key) const { return month * flows.size() + key; }
  size_t day_cell(size_t month, size_t column) const { return month * stock_columns.size() + column; }
  size_t in_care_column() const { return stock_columns.size() - 1; }
  size_t cost_cells() const { return cost_periods.size() * cost_categories.size(); }
  size_t cost_cell(size_t period, size_t category) const { return period * cost_categories.size() + category; }
  // Children by placement type at each snapshot.
  size_t placement_cells() const { return snapshots() * placement_categories; }
  size_t placement_cell(size_t snapshot, size_t type) const { return snapshot * placement_categories + type; }
  size_t age_band_cells() const { return snapshots() * age_bands.size(); }
  size_t age_band_cell(size_t snapshot, size_t band) const { return snapshot * age_bands.size() + band; }

 private:
  size_t states_ = 0, exits_ = 0;
  std::vector<int> flow_table_;  // (1 + states) x (states + exits)
};

}  // namespace caseflow
