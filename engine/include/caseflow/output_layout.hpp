#pragma once
// What a replication records and in which order: the snapshot dates, the stock columns (every state,
// then "in_care") and the flow keys (from, to). Shared by the recorder, the summary and the writers,
// so a cell index means the same thing everywhere.

#include <cstddef>
#include <string>
#include <vector>

#include "caseflow/calendar.hpp"
#include "caseflow/scenario.hpp"

namespace caseflow {

struct FlowKey {
  std::string from;  // a state id, or "arrival"
  std::string to;    // a state id or an exit id
};

struct OutputLayout {
  std::vector<Date> snapshot_dates;     // start_date + k months, k = 0..horizon_months
  std::vector<double> snapshot_times;   // the same, in days since the start
  std::vector<std::string> stock_columns;  // state ids, then "in_care"
  std::vector<FlowKey> flows;
  // Which flow key each thing that moves children counts in.
  std::vector<int> transition_flow;  // by transition index
  std::vector<int> arrival_flow;     // by arrival stream index
  std::vector<int> age_out_flow;     // by state index; -1 without age_out

  static OutputLayout for_scenario(const Scenario& scenario);

  size_t snapshots() const { return snapshot_dates.size(); }
  size_t months() const { return snapshot_dates.size() - 1; }
  size_t stock_cells() const { return snapshots() * stock_columns.size(); }
  size_t flow_cells() const { return months() * flows.size(); }
  size_t stock_cell(size_t snapshot, size_t column) const { return snapshot * stock_columns.size() + column; }
  size_t flow_cell(size_t month, size_t key) const { return month * flows.size() + key; }
  size_t in_care_column() const { return stock_columns.size() - 1; }
};

}  // namespace caseflow
