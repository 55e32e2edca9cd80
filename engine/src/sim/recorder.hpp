#pragma once
// What a replication records, as it happens: the children in each state and placement (counted at every
// snapshot), the movements of each month, and the child-days and costs, integrated exactly from those counts:
// whenever a count changes, and at every month's end, the time since the count last changed (times its cost,
// in closed form) is added to the month's cell. Never by daily events, and never by walking a stay's months.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "caseflow/sim/cost_integral.hpp"
#include "caseflow/sim/output_layout.hpp"
#include "caseflow/sim/replication_record.hpp"
#include "caseflow/sim/simulation_tables.hpp"

namespace caseflow {

class Recorder {
 public:
  Recorder(const OutputLayout& layout, const SimulationTables& tables, const CostIntegral& cost_integral, size_t states,
           ReplicationRecord& record);

  // A child enters (or leaves) `state`, in placement type `placement` (-1 without placement types), at clock
  // time `now` (>= 0, and no earlier than the last call).
  void occupy(int state, int placement, double now) {
    integrate_until(state, placement, now);
    ++counts_[static_cast<size_t>(state)];
    ++in_care_;
    if (placement >= 0) ++placement_counts_[static_cast<size_t>(placement)];
  }
  void vacate(int state, int placement, double now) {
    integrate_until(state, placement, now);
    --counts_[static_cast<size_t>(state)];
    --in_care_;
    if (placement >= 0) --placement_counts_[static_cast<size_t>(placement)];
  }

  // Records every snapshot due strictly before `time`: a snapshot at t counts every event at t.
  // `birth_days_in_care` are those of every child in care, in any order, for their ages. Closes the child-days
  // and costs of every month that ends before `time`; with `time` infinite, of every month to the forecast's end.
  void take_snapshots_before(double time, const std::vector<int32_t>& birth_days_in_care) {
    if (time > next_boundary_) close_months_before(time, birth_days_in_care);  // called at every event: kept inline
  }

  // The month (t_k, t_k+1] that the current instant belongs to.
  size_t current_month() const { return next_snapshot_ == 0 ? 0 : next_snapshot_ - 1; }

  // Flows are counted in the month (t_k, t_k+1] they happen in; moves at the very start (a fixed time
  // already past for the initial population) are part of the starting position, not of any month.
  void count_flow(int key) {
    if (next_snapshot_ == 0 || key < 0) return;
    ++record_.flows[layout_.flow_cell(next_snapshot_ - 1, static_cast<size_t>(key))];
  }

  void count_event() { ++record_.events; }

  // Allowance `allowance` paid over [from, until].
  void pay_allowance(size_t allowance, double from, double until) {
    cost_integral_.add(record_.costs, layout_.placement_categories + allowance, tables_.allowance_tariffs[allowance], from,
                       until);
  }

 private:
  // Adds the child-days of `state` and of all in care, and the cost of `placement` (or -1), from the last
  // change of their counts up to `now`, to the current months.
  void integrate_until(int state, int placement, double now);
  // take_snapshots_before when a snapshot or a month's end is due.
  void close_months_before(double time, const std::vector<int32_t>& birth_days_in_care);
  // Closes snapshot month current_month() at its end `end`: the child-days of every state up to then.
  void close_snapshot_month(double end);
  // Closes cost period period_: the child-days in care and every placement type's cost up to its end.
  void close_cost_period();

  const OutputLayout& layout_;
  const SimulationTables& tables_;
  const CostIntegral& cost_integral_;
  ReplicationRecord& record_;
  size_t next_snapshot_ = 0;
  std::vector<int32_t> counts_;            // children in each state now
  int32_t in_care_ = 0;
  std::vector<int32_t> placement_counts_;  // children in each placement type now
  // Since when each count's child-days are recorded (clock days): by state, then all in care, in the snapshot
  // months; all in care in the cost periods; by placement type, for its cost.
  std::vector<double> state_since_;
  double in_care_since_ = 0, in_care_since_in_period_ = 0;
  std::vector<double> placement_since_;
  size_t period_ = 0;  // the cost period now (cost_periods.size() once the last has closed)
  double next_boundary_ = 0;  // the next snapshot or end of a cost period: nothing is due before it
  // For snapshot k and age band b > 0: the latest birth day (days from the start) of a child in band b or
  // older on that day, at k * (bands - 1) + b - 1.
  std::vector<int32_t> latest_birth_day_;
};

}  // namespace caseflow
