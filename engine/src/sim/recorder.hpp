#pragma once
// What a replication records, as it happens: the children in each state and placement (counted at every
// snapshot), the movements of each month, and the child-days and costs of every stay, integrated exactly
// once per stay and split at months, never by daily events.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "caseflow/sim/cost_integral.hpp"
#include "child.hpp"
#include "caseflow/sim/output_layout.hpp"
#include "caseflow/sim/replication_record.hpp"
#include "caseflow/sim/simulation_tables.hpp"

namespace caseflow {

class Recorder {
 public:
  Recorder(const OutputLayout& layout, const SimulationTables& tables, const CostIntegral& cost_integral, size_t states,
           ReplicationRecord& record);

  // A child enters (or leaves) `state`, in placement type `placement` (-1 without placement types).
  void occupy(int state, int placement) {
    ++counts_[static_cast<size_t>(state)];
    ++in_care_;
    if (placement >= 0) ++placement_counts_[static_cast<size_t>(placement)];
  }
  void vacate(int state, int placement) {
    --counts_[static_cast<size_t>(state)];
    --in_care_;
    if (placement >= 0) --placement_counts_[static_cast<size_t>(placement)];
  }

  // Records every snapshot due strictly before `time`: a snapshot at t counts every event at t. `children`
  // are the event loop's (those in care have a state), for their ages.
  void take_snapshots_before(double time, const std::vector<Child>& children);

  // The month (t_k, t_k+1] that the current instant belongs to.
  size_t current_month() const { return next_snapshot_ == 0 ? 0 : next_snapshot_ - 1; }

  // Flows are counted in the month (t_k, t_k+1] they happen in; moves at the very start (a fixed time
  // already past for the initial population) are part of the starting position, not of any month.
  void count_flow(int key) {
    if (next_snapshot_ == 0 || key < 0) return;
    ++record_.flows[layout_.flow_cell(next_snapshot_ - 1, static_cast<size_t>(key))];
  }

  void count_event() { ++record_.events; }

  // Adds a stay in `state` (placement type `placement`, or -1) from clock time `entered_at` up to `until`
  // to the child-days of each month it spans and to the cost of its placement, split exactly at month
  // boundaries.
  void account_stay(int state, int placement, double entered_at, double until);

  // Allowance `allowance` paid over [from, until].
  void pay_allowance(size_t allowance, double from, double until) {
    cost_integral_.add(record_.costs, layout_.placement_categories + allowance, tables_.allowance_tariffs[allowance], from,
                       until);
  }

 private:
  // Adds a stay in `state` over [from, to] to the child-days of each snapshot month it spans.
  void add_care_days(int state, double from, double to);

  const OutputLayout& layout_;
  const SimulationTables& tables_;
  const CostIntegral& cost_integral_;
  ReplicationRecord& record_;
  size_t next_snapshot_ = 0;
  std::vector<int32_t> counts_;            // children in each state now
  int32_t in_care_ = 0;
  std::vector<int32_t> placement_counts_;  // children in each placement type now
  // For snapshot k and age band b > 0: the latest birth day (days from the start) of a child in band b or
  // older on that day, at k * (bands - 1) + b - 1.
  std::vector<int32_t> latest_birth_day_;
};

}  // namespace caseflow
